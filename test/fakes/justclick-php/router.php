<?php
// Router for `php -S`: checks each API request's signature the way JustClick's PHP server does, with PHP's
// own $_POST and http_build_query, then relays the untouched body to the Node fake (FAKE_ORIGIN) and its answer back.
$origin = getenv('FAKE_ORIGIN');
$uri = $_SERVER['REQUEST_URI'];
if (!preg_match('#^/([^/?]+)/api/([^/?]+)$#', parse_url($uri, PHP_URL_PATH), $m)) {
    http_response_code(404);
    echo 'not found';
    return true;
}
$login = rawurldecode($m[1]);

// The Node fake tells us the account's key over loopback; an unknown login is left to it (error 5).
$lookup = stream_context_create(['http' => ['ignore_errors' => true, 'timeout' => 5]]);
$known = json_decode((string) @file_get_contents($origin . '/__fake/key/' . rawurlencode($login), false, $lookup), true);
$verified = false;
if (is_array($known) && isset($known['key'])) {
    $key = $known['key'];
    $params = $_POST;
    $got = $params['hash'] ?? '';
    unset($params['hash']);
    $expected = md5(http_build_query($params) . '::' . $login . '::' . $key);
    if (!is_string($got) || !hash_equals($expected, strtolower($got))) {
        $text = 'Incorrect hash';
        header('Content-Type: application/json');
        header('X-Checked-By: php');
        echo json_encode(['error_code' => 4, 'error_text' => $text, 'hash' => md5('4::' . $text . '::' . $key)]);
        return true;
    }
    $verified = true;
}

$relay = stream_context_create(['http' => [
    'method' => 'POST',
    'header' => "Content-Type: application/x-www-form-urlencoded\r\nX-Php-Verified: " . ($verified ? '1' : '0') . "\r\n",
    'content' => file_get_contents('php://input'),
    'ignore_errors' => true,
    'follow_location' => 0,
    'timeout' => 60,
]]);
$answer = @file_get_contents($origin . $uri, false, $relay);
if ($answer === false) {
    http_response_code(502);
    echo 'relay to the Node fake failed';
    return true;
}
$status = 502;
foreach ($http_response_header as $line) {
    if (preg_match('#^HTTP/\S+\s+(\d{3})#', $line, $s)) {
        $status = (int) $s[1];
    } elseif (preg_match('#^(Content-Type|Location):#i', $line)) {
        header($line);
    }
}
http_response_code($status);
echo $answer;
return true;
