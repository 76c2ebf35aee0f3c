-- The application's own database role (issue #3; 等级保护第三级 最小权限): migrations run as the owner, the running
-- platform connects as tongban_app, which may read and write data but not change the schema, and may only INSERT
-- and SELECT where a table is append-only (the audit log, the 楼盘表 status history).
-- Where the owner may not create roles (a DBA manages them), create tongban_app by hand before the first start.
DO
$$
BEGIN
    IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'tongban_app') THEN
        BEGIN
            CREATE ROLE tongban_app LOGIN;
        EXCEPTION
            WHEN insufficient_privilege THEN
                RAISE EXCEPTION 'Role tongban_app does not exist and % may not create it: create it first (CREATE ROLE tongban_app LOGIN PASSWORD ...)', current_user;
        END;
    END IF;
END
$$;

GRANT USAGE ON SCHEMA public TO tongban_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO tongban_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT USAGE, SELECT ON SEQUENCES TO tongban_app;
ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT EXECUTE ON FUNCTIONS TO tongban_app;
