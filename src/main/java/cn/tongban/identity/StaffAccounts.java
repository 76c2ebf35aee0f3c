package cn.tongban.identity;

import java.time.Duration;
import java.util.Optional;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;

/**
 * Staff sign-in: loads accounts for form login and locks an account after repeated wrong passwords
 * (等级保护第三级 身份鉴别: 应具有登录失败处理功能).
 */
@Service
class StaffAccounts implements UserDetailsService {

    /** Wrong passwords in a row before the account locks. */
    static final int MAX_FAILURES = 5;
    static final Duration LOCK = Duration.ofMinutes(15);

    private final Directory directory;
    private final JdbcClient jdbc;
    private final CitizenAccounts citizens;
    private final org.springframework.context.ApplicationEventPublisher events;

    StaffAccounts(Directory directory, JdbcClient jdbc, CitizenAccounts citizens,
            org.springframework.context.ApplicationEventPublisher events) {
        this.directory = directory;
        this.jdbc = jdbc;
        this.citizens = citizens;
        this.events = events;
    }

    /** Staff sign in with their user name; citizens with their 公民身份号码. */
    @Override
    public UserDetails loadUserByUsername(String username) {
        Optional<? extends UserDetails> citizen = citizens.byIdNumber(username);
        if (citizen.isPresent()) {
            return citizen.get();
        }
        return directory.staff(username)
                .map(a -> new SignedInPrincipal(a.caller(), a.passwordHash(), a.enabled(), a.locked()))
                .orElseThrow(() -> new UsernameNotFoundException("no such user"));
    }

    /** Every failed password sign-in, whatever the reason (wrong password, locked, unknown user). */
    @EventListener
    void anyFailure(org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent event) {
        if (event.getAuthentication() instanceof org.springframework.security.authentication.UsernamePasswordAuthenticationToken) {
            String name = String.valueOf(event.getAuthentication().getName());
            String index = citizens.subjectIndexOfIdNumber(name);
            events.publishEvent(new SignInAttempted(index == null ? name : "citizen", index, false));
        }
    }

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        jdbc.sql("""
                UPDATE staff_user SET failed_attempts = failed_attempts + 1,
                       locked_until = CASE WHEN failed_attempts + 1 >= ? THEN now() + make_interval(mins => ?) ELSE locked_until END
                 WHERE username = ?""")
                .params(MAX_FAILURES, (int) LOCK.toMinutes(), String.valueOf(event.getAuthentication().getName()))
                .update();
        citizens.failed(String.valueOf(event.getAuthentication().getName()));
    }

    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInPrincipal signedIn) {
            events.publishEvent(new SignInAttempted(signedIn.subjectIndex() == null ? signedIn.getUsername() : "citizen",
                    signedIn.subjectIndex(), true));
        }
        if (event.getAuthentication().getPrincipal() instanceof SignedInPrincipal citizen && citizen.subjectIndex() != null) {
            jdbc.sql("UPDATE citizen_account SET failed_attempts = 0, locked_until = NULL WHERE id_number_index = ? AND failed_attempts > 0")
                    .param(citizen.subjectIndex()).update();
        } else if (event.getAuthentication().getPrincipal() instanceof SignedInPrincipal) {
            jdbc.sql("UPDATE staff_user SET failed_attempts = 0, locked_until = NULL WHERE username = ? AND failed_attempts > 0")
                    .param(event.getAuthentication().getName()).update();
        }
    }
}
