<?php
// PHP's own answers for the oracle tests: reads one JSON job on stdin, prints what PHP builds and parses.
// Input:  {"build": [{"params": TAGGED, "login": "...", "key": "..."}], "parse": ["body", ...]}
// TAGGED keeps PHP types: ["s", str] ["i", "12"] ["f", "0.1"|"INF"|"-INF"|"NAN"] ["b", bool] ["n"]
//         ["l", [TAGGED...]] ["m", [[key, TAGGED]...]]
// Output: {"build": [{"query": ..., "sign": ...}], "parse": [{"canon": CANON, "requery": ...}]}
// CANON is a string, or a list of [key, CANON] pairs in PHP's array order.

function untag(array $t)
{
    switch ($t[0]) {
        case 's': return $t[1];
        case 'i': return (int) $t[1];
        case 'f':
            switch ($t[1]) {
                case 'INF': return INF;
                case '-INF': return -INF;
                case 'NAN': return NAN;
                default: return (float) $t[1];
            }
        case 'b': return (bool) $t[1];
        case 'n': return null;
        case 'l': return array_map('untag', $t[1]);
        case 'm':
            $a = [];
            foreach ($t[1] as $pair) {
                $a[$pair[0]] = untag($pair[1]);
            }
            return $a;
    }
    throw new Exception('unknown tag ' . $t[0]);
}

function canon($v)
{
    if (!is_array($v)) {
        return (string) $v;
    }
    $out = [];
    foreach ($v as $k => $x) {
        $out[] = [(string) $k, canon($x)];
    }
    return $out;
}

$job = json_decode(stream_get_contents(STDIN), true, 4096, JSON_THROW_ON_ERROR);
$answer = ['build' => [], 'parse' => []];
foreach ($job['build'] ?? [] as $case) {
    $query = http_build_query(untag($case['params']));
    $answer['build'][] = ['query' => $query, 'sign' => md5($query . '::' . $case['login'] . '::' . $case['key'])];
}
foreach ($job['parse'] ?? [] as $body) {
    $parsed = [];
    parse_str($body, $parsed);
    $answer['parse'][] = ['canon' => canon($parsed), 'requery' => http_build_query($parsed)];
}
echo json_encode($answer, JSON_THROW_ON_ERROR | JSON_UNESCAPED_UNICODE | JSON_INVALID_UTF8_SUBSTITUTE);
