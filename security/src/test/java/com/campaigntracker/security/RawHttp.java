package com.campaigntracker.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/** Requests written byte for byte (what an HTTP client library would refuse to send), on loopback. */
final class RawHttp implements AutoCloseable {
    final Socket socket = new Socket();

    RawHttp(int port) throws IOException {
        this(port, 15_000);
    }

    /** {@code patienceMillis}: how long {@link #readToEnd()} waits for the next byte before calling it open. */
    RawHttp(int port, int patienceMillis) throws IOException {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
        socket.setSoTimeout(patienceMillis);
    }

    RawHttp send(byte[] bytes) throws IOException {
        socket.getOutputStream().write(bytes);
        socket.getOutputStream().flush();
        return this;
    }

    RawHttp send(String text) throws IOException {
        return send(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Everything the server sends until it closes the connection; {@code closed} false if it kept it open. */
    Response readToEnd() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        InputStream in = socket.getInputStream();
        byte[] buf = new byte[8192];
        boolean closed;
        try {
            for (int n = in.read(buf); ; n = in.read(buf)) {
                if (n < 0) {
                    closed = true;
                    break;
                }
                out.write(buf, 0, n);
            }
        } catch (SocketTimeoutException e) {
            closed = false;
        } catch (IOException reset) {
            closed = true;
        }
        return new Response(out.toString(StandardCharsets.UTF_8), closed);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }

    record Response(String text, boolean closed) {
        int status() {
            return text.length() < 12 ? -1 : Integer.parseInt(text.substring(9, 12));
        }

        String head() {
            int end = text.indexOf("\r\n\r\n");
            return (end < 0 ? text : text.substring(0, end)).toLowerCase(Locale.ROOT);
        }

        String body() {
            int end = text.indexOf("\r\n\r\n");
            return end < 0 ? "" : text.substring(end + 4);
        }
    }
}
