<?php
// The PHP side of the signing benchmark: JustClick's own way to sign a request, md5(http_build_query(params)
// . "::" . login . "::" . key), looped N times over the same inputs the Node side uses.
// Usage: php sign-loop.php <inputs.json> <N>. Prints JSON: ops_per_sec (loop only, timed with hrtime) and a
// checksum over one pass of every input, so the caller can prove both sides produced the same signatures.

$cases = json_decode(file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);
$n = (int) $argv[2];
$count = count($cases);

$all = '';
foreach ($cases as $c) {
    $all .= md5(http_build_query($c['params']) . '::' . $c['login'] . '::' . $c['key']);
}

$sink = '';
$start = hrtime(true);
for ($i = 0; $i < $n; $i++) {
    $c = $cases[$i % $count];
    $sink = md5(http_build_query($c['params']) . '::' . $c['login'] . '::' . $c['key']);
}
$seconds = (hrtime(true) - $start) / 1e9;

echo json_encode(['ops_per_sec' => $n / $seconds, 'checksum' => md5($all), 'php' => PHP_VERSION, 'last' => $sink]), "\n";
