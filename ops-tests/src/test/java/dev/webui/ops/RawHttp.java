package dev.webui.ops;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One HTTP/1.1 request from a chosen local address (127.0.0.2 is another loopback client), with any
 * headers, so a test can act as two people at two addresses and forge the headers a client may send.
 */
final class RawHttp {
    private RawHttp() {
    }

    /** Sends a JSON POST and returns the response status. */
    static int postJson(String localAddress, String baseUrl, String path, String json, Map<String, String> headers) throws IOException {
        URI base = URI.create(baseUrl);
        byte[] body = json.getBytes(StandardCharsets.UTF_8);
        StringBuilder head = new StringBuilder("POST " + path + " HTTP/1.1\r\nHost: " + base.getHost() + ":" + base.getPort()
                + "\r\nContent-Type: application/json\r\nContent-Length: " + body.length + "\r\nConnection: close\r\n");
        headers.forEach((name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        head.append("\r\n");
        try (Socket socket = new Socket()) {
            socket.bind(new InetSocketAddress(localAddress, 0));
            socket.connect(new InetSocketAddress(base.getHost(), base.getPort()), 5000);
            socket.setSoTimeout(30_000);
            OutputStream out = socket.getOutputStream();
            out.write(head.toString().getBytes(StandardCharsets.US_ASCII));
            out.write(body);
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder statusLine = new StringBuilder();
            for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
                statusLine.append((char) c);
            }
            String[] parts = statusLine.toString().split(" ");
            if (parts.length < 2) {
                throw new IOException("no HTTP status line from " + baseUrl + ": '" + statusLine + "'");
            }
            return Integer.parseInt(parts[1]);
        }
    }
}
