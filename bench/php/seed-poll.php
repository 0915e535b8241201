<?php
// The seed's way of polling, for the benchmark: one signed GetOrders call per account, one after another, with
// curl when the extension is loaded (as in JustClick's own PHP example), else file_get_contents over an http
// stream context. Usage: php seed-poll.php <accounts.json> where the file lists {url, login, key}.
// Prints JSON: transport, calls, ok (error_code 0 or 401 "no orders", response hash checked), failed, seconds.

$accounts = json_decode(file_get_contents($argv[1]), true, 512, JSON_THROW_ON_ERROR);
$transport = extension_loaded('curl') ? 'curl' : 'file_get_contents';

function post(string $url, string $body, string $transport): string|false
{
    if ($transport === 'curl') {
        $ch = curl_init($url);
        curl_setopt_array($ch, [
            CURLOPT_POST => true,
            CURLOPT_POSTFIELDS => $body,
            CURLOPT_RETURNTRANSFER => true,
            CURLOPT_TIMEOUT => 20,
            CURLOPT_HTTPHEADER => ['Content-Type: application/x-www-form-urlencoded'],
        ]);
        $answer = curl_exec($ch);
        curl_close($ch);
        return $answer;
    }
    $context = stream_context_create(['http' => [
        'method' => 'POST',
        'header' => "Content-Type: application/x-www-form-urlencoded\r\n",
        'content' => $body,
        'timeout' => 20,
        'ignore_errors' => true,
    ]]);
    return file_get_contents($url, false, $context);
}

$ok = 0;
$failed = 0;
$start = hrtime(true);
foreach ($accounts as $a) {
    $now = time();
    $params = ['date_s' => $now - 2 * 86400, 'date_e' => $now, 'paid' => 1];
    $params['hash'] = md5(http_build_query($params) . '::' . $a['login'] . '::' . $a['key']);
    $answer = post($a['url'] . '/GetOrders', http_build_query($params), $transport);
    $data = $answer === false ? null : json_decode($answer, true);
    $code = is_array($data) ? (int) ($data['error_code'] ?? -1) : -1;
    $signed = is_array($data) && ($data['hash'] ?? '') === md5($data['error_code'] . '::' . $data['error_text'] . '::' . $a['key']);
    if (($code === 0 || $code === 401) && $signed) {
        $ok++;
    } else {
        $failed++;
    }
}
$seconds = (hrtime(true) - $start) / 1e9;

echo json_encode(['transport' => $transport, 'calls' => count($accounts), 'ok' => $ok, 'failed' => $failed, 'seconds' => $seconds]), "\n";
