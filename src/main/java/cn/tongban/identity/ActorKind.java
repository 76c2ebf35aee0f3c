package cn.tongban.identity;

/** Who is calling: a department's staff member, a department's system, a citizen, or nobody signed in. */
public enum ActorKind {
    STAFF,
    SYSTEM,
    CITIZEN,
    ANONYMOUS
}
