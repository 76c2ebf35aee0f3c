package cn.tongban.registration;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.flowable.common.engine.api.FlowableOptimisticLockingException;
import org.flowable.engine.RuntimeService;
import org.flowable.engine.TaskService;
import org.flowable.engine.runtime.Execution;
import org.flowable.task.api.Task;
import org.springframework.stereotype.Component;

import cn.tongban.kernel.ConflictException;

/**
 * The registration processes as the platform drives them (互联网+不动产登记建设指南 三（一）1): one BPMN process
 * instance per application, its business key the application number; the steps are the process's user tasks
 * {@code accept}, {@code review}, {@code register} and {@code certify}, the receive task {@code supplement}, and the
 * message {@code TaxPaid}. Everything runs in the caller's transaction, so a step and the application's own record
 * commit or roll back together.
 */
@Component
class Workflow {

    static final String ACCEPT = "accept";
    static final String REVIEW = "review";
    static final String REGISTER = "register";
    static final String CERTIFY = "certify";
    static final String SUPPLEMENT = "supplement";
    static final String TAX_PAID = "TaxPaid";

    private final RuntimeService runtime;
    private final TaskService tasks;

    Workflow(RuntimeService runtime, TaskService tasks) {
        this.runtime = runtime;
        this.tasks = tasks;
    }

    /** Starts the type's process for the application; the id of its instance. */
    String start(String processKey, String applicationNo, Map<String, Object> variables) {
        return runtime.startProcessInstanceByKey(processKey, applicationNo, variables).getId();
    }

    /** The step the application waits at: its active user task, if any. */
    Optional<String> currentTask(String applicationNo) {
        return tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).list().stream()
                .map(Task::getTaskDefinitionKey).findFirst();
    }

    /**
     * Completes the application's active task of that step.
     *
     * @throws ConflictException {@code registration.not-at-step} if the application is not waiting there — e.g. a
     *                           second registrar completed it a moment earlier
     */
    void complete(String applicationNo, String step, Map<String, Object> variables) {
        Task task = tasks.createTaskQuery().processInstanceBusinessKey(applicationNo).taskDefinitionKey(step).singleResult();
        if (task == null) {
            throw new ConflictException("registration.not-at-step", applicationNo, step);
        }
        try {
            tasks.complete(task.getId(), variables);
        } catch (FlowableOptimisticLockingException e) {
            throw new ConflictException("registration.not-at-step", applicationNo, step);
        }
    }

    /** Hands back an application waiting for 补正 to acceptance. */
    void resume(String applicationNo) {
        Execution waiting = instance(applicationNo).map(id -> runtime.createExecutionQuery().processInstanceId(id)
                .activityId(SUPPLEMENT).singleResult()).orElse(null);
        if (waiting == null) {
            throw new ConflictException("registration.not-at-step", applicationNo, SUPPLEMENT);
        }
        runtime.trigger(waiting.getId());
    }

    /** Delivers the tax-paid message to the application if it waits for it; whether it did. */
    boolean taxPaid(String applicationNo) {
        Execution waiting = instance(applicationNo).map(id -> runtime.createExecutionQuery().processInstanceId(id)
                .messageEventSubscriptionName(TAX_PAID).singleResult()).orElse(null);
        if (waiting == null) {
            return false;
        }
        runtime.messageEventReceived(TAX_PAID, waiting.getId());
        return true;
    }

    /** The application's running process instance (the business key is on the instance, not on its child executions). */
    private Optional<String> instance(String applicationNo) {
        return Optional.ofNullable(runtime.createProcessInstanceQuery().processInstanceBusinessKey(applicationNo).singleResult())
                .map(org.flowable.engine.runtime.ProcessInstance::getId);
    }

    /** The process instances whose active task of that step is offered to one of the groups, oldest task first. */
    List<String> queue(String step, Collection<String> groups, int first, int max) {
        if (groups.isEmpty()) {
            return List.of();
        }
        return tasks.createTaskQuery().taskDefinitionKey(step).taskCandidateGroupIn(groups).orderByTaskCreateTime().asc()
                .listPage(first, max).stream().map(Task::getProcessInstanceId).toList();
    }
}
