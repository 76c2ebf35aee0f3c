package cn.tongban.registration;

import org.flowable.spring.boot.process.Process;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.task.AsyncTaskExecutor;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * The workflow engine's own threads. The registration processes have no asynchronous steps and no timers — every
 * step runs in the request or event that causes it, inside its transaction — so the engine's job executor is never
 * activated ({@code flowable.async-executor-activate=false}); Flowable still wants an executor to exist.
 */
@Configuration(proxyBeanMethods = false)
class WorkflowConfiguration {

    // not a default candidate: Spring's own @Async executor and other TaskExecutor injections stay what they were
    @Bean(defaultCandidate = false)
    @Process
    AsyncTaskExecutor processTaskExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setThreadNamePrefix("workflow-");
        executor.setDaemon(true);
        executor.initialize();
        return executor;
    }
}
