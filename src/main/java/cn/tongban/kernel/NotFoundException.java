package cn.tongban.kernel;

/**
 * The thing asked for does not exist — or is outside the caller's scope, which is answered the same way so that
 * its existence does not leak. Answered as 404 problem+json.
 */
public class NotFoundException extends RuntimeException {

    private final String resource;
    private final String id;

    /**
     * @param resource message key suffix of the resource kind, e.g. {@code unit} (looked up as {@code resource.unit})
     * @param id       the identifier the caller used
     */
    public NotFoundException(String resource, Object id) {
        super(resource + " " + id + " not found", null, false, false);
        this.resource = resource;
        this.id = String.valueOf(id);
    }

    public String resource() {
        return resource;
    }

    public String id() {
        return id;
    }
}
