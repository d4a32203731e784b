package com.campaigntracker.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;
import java.net.URI;
import java.util.regex.Pattern;

/**
 * Limits in front of everything else (see the README's "Limits"):
 * <ul>
 *   <li>request bodies: a declared {@code Content-Length} above {@code tracker.limits.max-body-size} is refused with
 *   413 problem+json; a body without a length (chunked) is read through a bounded stream that fails the request
 *   once the limit is passed;</li>
 *   <li>expensive queries (progress {@code ?asOf=}, filtered ledger scans, theme views): at most
 *   {@code tracker.limits.expensive-query-concurrency} at a time ({@link ExpensiveQueries}); beyond that 429
 *   problem+json with {@code Retry-After}.</li>
 * </ul>
 */
public class RequestLimitsFilter extends OncePerRequestFilter {
    static final URI TOO_LARGE = URI.create("https://campaign-tracker/problems/body-too-large");
    private static final Pattern PROGRESS = Pattern.compile("^/api/campaigns/[^/]+/progress$");
    private static final Pattern LEDGER = Pattern.compile("^/api/campaigns/[^/]+/activities$");
    /** Spreadsheet uploads (台账 and 单位名册 imports) may be larger than a JSON body: {@code max-import-size}. */
    private static final Pattern IMPORTS = Pattern.compile("^/api/(campaigns/[^/]+/ledger|units)/imports$");
    private static final Pattern THEME = Pattern.compile("^/api/themes/[^/]+/progress$");

    private final long maxBody;
    private long maxImport;
    private final long maxDrain;
    private final long bodyDeadlineNanos;
    private final ExpensiveQueries expensive;
    private final ProblemResponses problems;

    RequestLimitsFilter(DataSize maxBody, DataSize maxDrain, java.time.Duration bodyDeadline,
                        ExpensiveQueries expensive, ProblemResponses problems) {
        this.maxBody = maxBody.toBytes();
        this.maxDrain = maxDrain.toBytes();
        this.bodyDeadlineNanos = bodyDeadline.toNanos();
        this.expensive = expensive;
        this.problems = problems;
    }

    /** The body limit of spreadsheet uploads (imports). */
    RequestLimitsFilter withImportLimit(DataSize maxImport) {
        this.maxImport = maxImport.toBytes();
        return this;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long length = request.getContentLengthLong();
        long maxBody = "POST".equals(request.getMethod()) && IMPORTS.matcher(request.getRequestURI()).matches()
                ? Math.max(maxImport, this.maxBody) : this.maxBody;
        if (length > maxBody) {
            drain(request, length);
            response.setHeader("Connection", "close");
            problems.write(request, response, HttpStatus.PAYLOAD_TOO_LARGE, TOO_LARGE, "请求体过大",
                    "请求体 " + length + " 字节，超过上限 " + maxBody + " 字节（" + maxBody / 1024 + " KB），请精简后重试");
            return;
        }
        HttpServletRequest bounded = length > 0 || hasBody(request)
                ? new Bounded(request, maxBody, System.nanoTime() + bodyDeadlineNanos) : request;
        if (!isExpensive(request)) {
            chain.doFilter(bounded, response);
            return;
        }
        if (!expensive.tryAcquire()) {
            response.setHeader("Retry-After", ExpensiveQueries.RETRY_AFTER_SECONDS);
            problems.write(request, response, HttpStatus.TOO_MANY_REQUESTS, ExpensiveQueries.TYPE,
                    ExpensiveQueries.TITLE, ExpensiveQueries.DETAIL);
            return;
        }
        try {
            chain.doFilter(bounded, response);
        } finally {
            expensive.release();
        }
    }

    /**
     * Reads and discards a refused body of moderate size before answering. Closing a connection whose request data
     * is still unread makes the kernel reset it, and a reset discards the 413 on its way to the client: the user
     * would see "connection reset" instead of the Chinese explanation. Bodies beyond {@code max-drain-size}, or
     * still arriving at the body deadline, are not worth the bandwidth: those connections are closed unread.
     */
    private void drain(HttpServletRequest request, long length) {
        if (length > maxDrain) {
            return;
        }
        long deadline = System.nanoTime() + bodyDeadlineNanos;
        byte[] buffer = new byte[64 * 1024];
        try {
            var in = request.getInputStream();
            while (in.read(buffer) >= 0) {
                if (System.nanoTime() - deadline > 0) {
                    return;
                }
            }
        } catch (IOException e) {
            // The client went away or stalled; the answer below is best effort either way.
        }
    }

    private static boolean hasBody(HttpServletRequest request) {
        return request.getHeader("Transfer-Encoding") != null;
    }

    static boolean isExpensive(HttpServletRequest request) {
        if (!"GET".equals(request.getMethod())) {
            return false;
        }
        String path = request.getRequestURI();
        if (THEME.matcher(path).matches()) {
            return true; // folds the progress of every campaign of the theme
        }
        if (PROGRESS.matcher(path).matches()) {
            return request.getParameter("asOf") != null || request.getParameter("knownAt") != null;
        }
        if (LEDGER.matcher(path).matches()) {
            return request.getParameter("from") != null || request.getParameter("to") != null
                    || request.getParameter("category") != null || request.getParameter("includeRetracted") != null;
        }
        return false;
    }

    /**
     * A request whose body stream fails once more than {@code max} bytes were read, or once the body is still
     * arriving at {@code deadline} (a client trickling a byte at a time would otherwise hold a thread for hours).
     */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long max;
        private final long deadline;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long max, long deadline) {
            super(request);
            this.max = max;
            this.deadline = deadline;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                ServletInputStream in = super.getInputStream();
                stream = new ServletInputStream() {
                    private long read;

                    @Override
                    public int read() throws IOException {
                        int b = in.read();
                        count(b >= 0 ? 1 : 0);
                        return b;
                    }

                    @Override
                    public int read(byte[] buf, int off, int len) throws IOException {
                        int n = in.read(buf, off, len);
                        count(Math.max(n, 0));
                        return n;
                    }

                    private void count(int n) throws IOException {
                        read += n;
                        if (read > max) {
                            throw new IOException("请求体超过上限 " + max + " 字节");
                        }
                        if (System.nanoTime() - deadline > 0 && !in.isFinished()) {
                            throw new IOException("请求体接收超时");
                        }
                    }

                    @Override
                    public boolean isFinished() {
                        return in.isFinished();
                    }

                    @Override
                    public boolean isReady() {
                        return in.isReady();
                    }

                    @Override
                    public void setReadListener(ReadListener listener) {
                        in.setReadListener(listener);
                    }
                };
            }
            return stream;
        }
    }
}
