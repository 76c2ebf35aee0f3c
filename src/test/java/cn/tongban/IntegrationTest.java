package cn.tongban;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;

import cn.tongban.identity.TestSecurityDefaults;

/**
 * A test against the whole platform: real HTTP through MockMvc, the real embedded PostgreSQL. Every integration
 * test uses exactly this annotation and nothing that changes the context (no {@code @MockBean}), so the suite
 * starts one Spring context and one database. The server also listens on a random port (issue #8), so that browser
 * journeys ({@link cn.tongban.web.BrowserJourney}) reach the same running platform ({@code @LocalServerPort}). Requests are signed in as a city-wide housing administrator unless
 * a test signs in otherwise ({@link cn.tongban.identity.TestCallers}).
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureMockMvc
@ActiveProfiles("test")
@Import({TestSecurityDefaults.class, OwnerDatabase.class})
public @interface IntegrationTest {
}
