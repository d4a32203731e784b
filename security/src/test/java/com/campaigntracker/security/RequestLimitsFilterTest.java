package com.campaigntracker.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLimitsFilterTest {
    private final RequestLimitsFilter filter = new RequestLimitsFilter(DataSize.ofKilobytes(256),
            DataSize.ofMegabytes(8), Duration.ofSeconds(15), new ExpensiveQueries(4), new ProblemResponses(new ObjectMapper()));

    @Test
    void aModeratelyOversizedBodyIsReadToItsEndBeforeThe413SoTheAnswerIsNotLostToAReset() throws Exception {
        CountingRequest request = new CountingRequest(300 * 1024);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(response.getContentAsString()).contains("超过上限 262144 字节");
        assertThat(request.read.get()).as("bytes of the refused body read").isEqualTo(300 * 1024);
    }

    @Test
    void aHugeBodyIsRefusedUnread() throws Exception {
        CountingRequest request = new CountingRequest(9 * 1024 * 1024);
        MockHttpServletResponse response = new MockHttpServletResponse();

        filter.doFilter(request, response, new MockFilterChain());

        assertThat(response.getStatus()).isEqualTo(413);
        assertThat(request.read.get()).as("bytes of the refused body read").isZero();
        assertThat(response.getHeader("Connection")).isEqualTo("close");
    }

    /** A POST whose body counts the bytes the filter reads from it. */
    private static final class CountingRequest extends MockHttpServletRequest {
        final AtomicLong read = new AtomicLong();

        CountingRequest(int length) {
            super("POST", "/api/units");
            InputStream body = new ByteArrayInputStream(new byte[length]) {
                @Override
                public synchronized int read() {
                    int b = super.read();
                    read.addAndGet(b >= 0 ? 1 : 0);
                    return b;
                }

                @Override
                public synchronized int read(byte[] b, int off, int len) {
                    int n = super.read(b, off, len);
                    read.addAndGet(Math.max(n, 0));
                    return n;
                }
            };
            setContent(new byte[0]);
            addHeader("Content-Length", String.valueOf(length));
            setContentType("application/json");
            this.body = body;
        }

        private InputStream body;

        @Override
        public long getContentLengthLong() {
            return Long.parseLong(getHeader("Content-Length"));
        }

        @Override
        public jakarta.servlet.ServletInputStream getInputStream() {
            return new org.springframework.mock.web.DelegatingServletInputStream(body);
        }
    }
}
