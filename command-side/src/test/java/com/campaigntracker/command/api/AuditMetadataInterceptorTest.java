package com.campaigntracker.command.api;

import com.campaigntracker.shared.AuditMetadata;
import org.axonframework.commandhandling.CommandMessage;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class AuditMetadataInterceptorTest {
    private final AuditMetadataInterceptor interceptor = new AuditMetadataInterceptor();

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    private CommandMessage<?> dispatch(CommandMessage<?> command) {
        return interceptor.handle(command);
    }

    private static void signIn(String user, String... roles) {
        SecurityContextHolder.getContext().setAuthentication(UsernamePasswordAuthenticationToken.authenticated(
                user, "n/a", AuthorityUtils.createAuthorityList(roles)));
    }

    @Test
    void theAuthenticatedAccountAndItsRoleAreRecordedWhateverTheCallerClaims() {
        signIn("coordinator-li", "ROLE_COORDINATOR");
        CommandMessage<?> spoofed = GenericCommandMessage.asCommandMessage("cmd")
                .andMetaData(Map.of(AuditMetadata.USER, "someone-else", AuditMetadata.ROLE, "ADMIN",
                        AuditMetadata.ACTING_UNIT, "not-mine"));

        assertThat(dispatch(spoofed).getMetaData())
                .containsEntry(AuditMetadata.USER, "coordinator-li")
                .containsEntry(AuditMetadata.ROLE, "COORDINATOR")
                .doesNotContainKey(AuditMetadata.ACTING_UNIT);
    }

    @Test
    void withoutAnAccountTheCommandIsAnonymous() {
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
