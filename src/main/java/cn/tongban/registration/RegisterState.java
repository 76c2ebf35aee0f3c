package cn.tongban.registration;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * 登记簿的现势状态: what is in force on a unit, derived from its book and from nothing else — the current ownership
 * entry, and the mortgages, pre-notices, seizures and objections no later release entry has ended. A release names
 * the entry it ends by its {@code releases} number (the released entry's {@code seq}).
 *
 * @param ownership the entry of the ownership in force, if any
 * @param mortgages mortgage entries in force, by rank as registered
 * @param preNotice the pre-notice (预告登记) in force, if any
 * @param seizures  seizure entries in force, oldest first (轮候查封 stack)
 * @param objection the objection (异议登记) in force, if any
 */
record RegisterState(Optional<RegisterEntry> ownership, List<RegisterEntry> mortgages, Optional<RegisterEntry> preNotice,
        List<RegisterEntry> seizures, Optional<RegisterEntry> objection) {

    static RegisterState of(List<RegisterEntry> book) {
        Set<Integer> released = new HashSet<>();
        for (RegisterEntry entry : book) {
            if (entry.kind().name().endsWith("_RELEASE") && entry.content().get("releases") instanceof Number n) {
                released.add(n.intValue());
            }
        }
        Optional<RegisterEntry> ownership = Optional.empty();
        List<RegisterEntry> mortgages = new ArrayList<>();
        Optional<RegisterEntry> preNotice = Optional.empty();
        List<RegisterEntry> seizures = new ArrayList<>();
        Optional<RegisterEntry> objection = Optional.empty();
        for (RegisterEntry entry : book) {
            boolean inForce = !released.contains(entry.seq());
            switch (entry.kind()) {
                // a transfer or a correction of the owners replaces the ownership before it; the ownership
                // registered ends a pre-notice (预告登记 turns into 本登记, 民法典 第二百二十一条)
                case OWNERSHIP -> {
                    ownership = Optional.of(entry);
                    preNotice = Optional.empty();
                }
                case CORRECTION -> {
                    if (entry.content().get("owners") != null) {
                        ownership = Optional.of(entry);
                    }
                }
                case MORTGAGE -> {
                    if (inForce) {
                        mortgages.add(entry);
                    }
                }
                case PRE_NOTICE -> preNotice = inForce ? Optional.of(entry) : Optional.empty();
                case SEIZURE -> {
                    if (inForce) {
                        seizures.add(entry);
                    }
                }
                case OBJECTION -> objection = inForce ? Optional.of(entry) : Optional.empty();
                default -> {
                    // releases: applied above
                }
            }
        }
        mortgages.sort(java.util.Comparator.comparingInt(RegisterState::rank));
        return new RegisterState(ownership, List.copyOf(mortgages), preNotice, List.copyOf(seizures), objection);
    }

    /** The owners of the ownership in force, as registered. */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> owners() {
        return ownership.map(e -> (List<Map<String, Object>>) e.content().get("owners")).orElse(List.of());
    }

    private static int rank(RegisterEntry mortgage) {
        return mortgage.content().get("rank") instanceof Number n ? n.intValue() : Integer.MAX_VALUE;
    }
}
