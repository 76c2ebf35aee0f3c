package cn.tongban.web;

import java.util.List;
import java.util.Objects;

import cn.tongban.identity.ActorKind;
import cn.tongban.identity.Caller;

/**
 * 导航菜单: the navigation of the staff console ({@code /console/**}) and the citizen portal ({@code /portal/**}),
 * shown by the layout ({@code templates/layout/page.html}) with only the entries the signed-in caller may use.
 *
 * <p>How a module adds its pages: a Spring bean (usually a package-private {@code @Component} next to the module's
 * page controller) implementing {@link Contribution}, e.g.
 *
 * <pre>{@code
 * @Component
 * class RegistrationMenu implements ConsoleMenu.Contribution {
 *     public List<ConsoleMenu.Entry> entries() {
 *         return List.of(
 *                 new ConsoleMenu.Entry("menu.section.registration", "registration.pages.menu.applications",
 *                         "/console/registration/applications", Permissions.REGISTRATION_APPLICATION_QUERY, false, 300),
 *                 new ConsoleMenu.Entry("menu.section.portal", "registration.pages.menu.apply",
 *                         "/portal/registration/apply", null, true, 300));
 *     }
 * }
 * }</pre>
 *
 * The entries are collected once, when first asked for; a contribution answers the same list every time.
 *
 * <p>The menu only shows what may be opened: the page controller must still check the same permission with
 * {@code @PreAuthorize} (the endpoint test requires it), and the services still apply district scope and masking.
 */
public interface ConsoleMenu {

    /**
     * One page in the navigation.
     *
     * @param section    message key of the section heading the entry is grouped under; entries of several modules may
     *                   share one. The foundation's keys (in {@code i18n/web*.properties}): {@code menu.section.home},
     *                   {@code menu.section.housing}, {@code menu.section.filing}, {@code menu.section.tax},
     *                   {@code menu.section.registration}, {@code menu.section.sharing}, {@code menu.section.audit},
     *                   {@code menu.section.monitoring}, {@code menu.section.portal}, {@code menu.section.help}; a
     *                   module may use a key of its own bundle. Sections are shown in the order of their smallest
     *                   entry {@code order}.
     * @param labelKey   message key of the entry's label, in the module's bundle ({@code i18n/<module>-pages*.properties})
     *                   in both languages
     * @param url        the page, an absolute path in the application ({@code /console/registration/applications});
     *                   the entry is highlighted on this path and the paths below it
     * @param permission the permission the caller must hold ({@code module:resource:action} of
     *                   {@link cn.tongban.identity.Permissions}), or a role as {@code ROLE_<code>}
     *                   ({@code ROLE_housing-admin}), or {@code null} for every signed-in caller of the entry's kind
     * @param citizen    {@code true}: a portal entry, shown to citizens only; {@code false}: a console entry, shown to
     *                   staff (and department systems) only
     * @param order      position: smaller first, within the section and for the section itself. Ranges by module:
     *                   home 0–99, building/housing 100–199, filing 200–299, tax 300–399, registration 400–499,
     *                   sharing 500–599, audit 600–699, monitoring 700–799, help 900–999
     */
    record Entry(String section, String labelKey, String url, String permission, boolean citizen, int order) {

        public Entry {
            Objects.requireNonNull(section, "section");
            Objects.requireNonNull(labelKey, "labelKey");
            Objects.requireNonNull(url, "url");
            if (!url.startsWith("/")) {
                throw new IllegalArgumentException("a menu entry's url is a path of the application: " + url);
            }
        }

        /** Whether this caller sees the entry: the right kind (citizen or not) and the permission or role, if any. */
        public boolean visibleTo(Caller caller) {
            if (caller.kind() == ActorKind.ANONYMOUS || citizen != (caller.kind() == ActorKind.CITIZEN)) {
                return false;
            }
            if (permission == null) {
                return true;
            }
            return permission.startsWith("ROLE_") ? caller.roles().contains(permission.substring(5)) : caller.has(permission);
        }
    }

    /** The entries of one section, in order, as the layout shows them. */
    record Section(String key, List<Entry> entries) {

        public Section {
            entries = List.copyOf(entries);
        }
    }

    /** What a module adds to the navigation: implement it in a Spring bean of the module. */
    interface Contribution {

        /** This module's entries; the same list every time. */
        List<Entry> entries();
    }

    /** Every contributed entry, visible or not, in order. */
    List<Entry> entries();

    /** The entries this caller sees, grouped in sections, in order (empty for a caller who is not signed in). */
    List<Section> sectionsFor(Caller caller);

    /** {@link #sectionsFor} the caller of the current request: what the layout shows. */
    List<Section> current();

    /** The caller of the current request ({@link Caller#ANONYMOUS} when nobody is signed in), for the layout's header. */
    Caller caller();

    /** Whether the entry is the page of the current request or one below it (highlighted in the navigation). */
    boolean isActive(Entry entry);
}
