package cn.tongban.identity;

/** The caller of the request being served ({@link Caller#ANONYMOUS} outside a request or before sign-in). */
public interface CurrentCaller {

    Caller get();
}
