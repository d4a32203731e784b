package com.campaigntracker.command.api;

import com.campaigntracker.shared.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditMetadataInterceptorTest {
    private final AuditMetadataInterceptor interceptor =
            new AuditMetadataInterceptor(new RequestPrincipalAuditIdentity());

    @AfterEach
    void clear() {
        RequestContextHolder.resetRequestAttributes();
    }

    private CommandMessage<?> dispatch(CommandMessage<?> command) {
        return interceptor.handle(command);
    }

    @Test
    void theAuthenticatedPrincipalAndItsRoleAreRecorded() {
        MockHttpServletRequest request = new MockHttpServletRequest();
        request.setUserPrincipal(() -> "coordinator-li");
        request.addUserRole("COORDINATOR");
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(request));
        CommandMessage<?> spoofed = GenericCommandMessage.asCommandMessage("cmd")
                .andMetaData(Map.of(AuditMetadata.USER, "someone-else", AuditMetadata.ROLE, "ADMIN"));

        assertThat(dispatch(spoofed).getMetaData())
                .containsEntry(AuditMetadata.USER, "coordinator-li")
                .containsEntry(AuditMetadata.ROLE, "COORDINATOR");
    }

    @Test
    void withoutAPrincipalTheCommandIsAnonymous() {
        RequestContextHolder.setRequestAttributes(new ServletRequestAttributes(new MockHttpServletRequest()));
        assertThat(dispatch(GenericCommandMessage.asCommandMessage("cmd")).getMetaData())
                .containsEntry(AuditMetadata.USER, "anonymous")
                .containsEntry(AuditMetadata.ROLE, "ANONYMOUS");
    }

    @Test
    void inProcessCallersOutsideARequestKeepTheIdentityTheySet() {
        CommandMessage<?> system = GenericCommandMessage.asCommandMessage("cmd")
                .andMetaData(Map.of(AuditMetadata.USER, "import-job", AuditMetadata.ROLE, "ADMIN"));
        assertThat(dispatch(system).getMetaData())
                .containsEntry(AuditMetadata.USER, "import-job")
                .containsEntry(AuditMetadata.ROLE, "ADMIN");
    }
}
