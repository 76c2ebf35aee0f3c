package cn.tongban.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.tongban.identity.Caller;
import cn.tongban.identity.CurrentCaller;

/** The navigation collected from every module's {@link ConsoleMenu.Contribution}; the layout reads it as {@code @consoleMenu}. */
@Component("consoleMenu")
class Menus implements ConsoleMenu {

    private static final Comparator<Entry> IN_ORDER = Comparator.comparingInt(Entry::order).thenComparing(Entry::labelKey);

    private final ObjectProvider<Contribution> contributions;
    private final CurrentCaller callers;
    private volatile List<Entry> entries;

    Menus(ObjectProvider<Contribution> contributions, CurrentCaller callers) {
        this.contributions = contributions;
        this.callers = callers;
    }

    @Override
    public List<Entry> entries() {
        List<Entry> all = entries;
        if (all == null) {
            List<Entry> collected = new ArrayList<>();
            contributions.orderedStream().forEach(c -> collected.addAll(c.entries()));
            collected.sort(IN_ORDER);
            all = List.copyOf(collected);
            entries = all;
        }
        return all;
    }

    @Override
    public List<Section> sectionsFor(Caller caller) {
        // entries are in order, so each section first appears with its smallest order
        Map<String, List<Entry>> sections = new LinkedHashMap<>();
        for (Entry entry : entries()) {
            if (entry.visibleTo(caller)) {
                sections.computeIfAbsent(entry.section(), k -> new ArrayList<>()).add(entry);
            }
        }
        return sections.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList();
    }

    @Override
    public List<Section> current() {
        return sectionsFor(callers.get());
    }

    @Override
    public Caller caller() {
        return callers.get();
    }

    @Override
    public boolean isActive(Entry entry) {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        String url = entry.url().contains("?") ? entry.url().substring(0, entry.url().indexOf('?')) : entry.url();
        // the home pages are active on themselves only, not on every page below them
        boolean home = url.equals("/console") || url.equals("/portal");
        return path.equals(url) || (!home && path.startsWith(url.endsWith("/") ? url : url + "/"));
    }
}
