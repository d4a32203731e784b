package com.campaigntracker.security;

import jakarta.servlet.ServletException;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ValveBase;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;

import java.io.IOException;
import java.net.URI;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A worker thread is held for as long as a body trickles in. So: at most {@code limit} requests with a body are
 * received at once per client address (beyond that 429 problem+json at once, before any body byte is read), and a
 * request answered with an error before its body was read closes the connection instead of swallowing the rest.
 */
final class RequestBodyGuardValve extends ValveBase {
    static final URI TOO_MANY_UPLOADS = URI.create("https://campaign-tracker/problems/too-many-uploads");

    private static final long DRAIN_MAX = 1024 * 1024;

    private final int limit;
    private final ProblemResponses problems;
    private final ConcurrentHashMap<String, Integer> receiving = new ConcurrentHashMap<>();

    RequestBodyGuardValve(int limit, ProblemResponses problems) {
        super(true);
        this.limit = limit;
        this.problems = problems;
    }

    @Override
    public void invoke(Request request, Response response) throws IOException, ServletException {
        boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
        if (!hasBody) {
            getNext().invoke(request, response);
            return;
        }
        String address = request.getRemoteAddr();
        boolean counted = limit > 0;
        if (counted && receiving.merge(address, 1, Integer::sum) > limit) {
            release(address);
            response.setHeader("Retry-After", "5");
            response.setHeader("Connection", "close");
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, TOO_MANY_UPLOADS, "请求过多",
                    "来自同一地址、正在上传请求体的请求已达上限 " + limit + " 个，请稍后重试");
            closeWithoutReading(request);
            return;
        }
        try {
            getNext().invoke(request, response);
        } finally {
            if (counted) {
                release(address);
            }
        }
        if (!request.isAsync() && response.getStatus() >= 400 && !fullyRead(request)
                && !readWhatHasArrived(request) && closeAnnounced(response)) {
            closeWithoutReading(request);
        }
    }

    /**
     * A client told nothing keeps using the connection for its next request and finds it closed; so close only a
     * connection whose response says {@code Connection: close} (set here if it is not yet sent). Otherwise the
     * container reads the rest, within the body read timeout.
     */
    private static boolean closeAnnounced(Response response) {
        if (!response.isCommitted()) {
            response.setHeader("Connection", "close");
        }
        return "close".equalsIgnoreCase(response.getHeader("Connection"));
    }

    private static boolean fullyRead(Request request) {
        AtomicBoolean fullyRead = new AtomicBoolean(true);
        request.getCoyoteRequest().action(ActionCode.REQUEST_BODY_FULLY_READ, fullyRead);
        return fullyRead.get();
    }

    /**
     * Reads, without waiting, the part of the body already received (up to {@link #DRAIN_MAX}). A body that has
     * fully arrived is so consumed and the connection stays open: closing a socket with unread input resets it,
     * and the client could lose the response it has not read yet.
     */
    private static boolean readWhatHasArrived(Request request) {
        try {
            java.io.InputStream in = request.getInputStream();
            org.apache.coyote.Request coyote = request.getCoyoteRequest();
            byte[] buf = new byte[8192];
            long drained = 0;
            while (drained < DRAIN_MAX) {
                coyote.action(ActionCode.AVAILABLE, Boolean.TRUE); // a non-blocking read from the socket
                if (coyote.getAvailable() <= 0) {
                    break;
                }
                int n = in.read(buf, 0, (int) Math.min(buf.length, Math.max(1, coyote.getAvailable())));
                if (n < 0) {
                    break;
                }
                drained += n;
            }
            return fullyRead(request);
        } catch (IOException | IllegalStateException e) {
            return false;
        }
    }

    private void release(String address) {
        receiving.computeIfPresent(address, (k, n) -> n > 1 ? n - 1 : null);
    }

    /** The response is sent, then the connection closed: the unread rest of the body is never waited for. */
    private static void closeWithoutReading(Request request) {
        request.getCoyoteRequest().action(ActionCode.DISABLE_SWALLOW_INPUT, null);
    }
}
