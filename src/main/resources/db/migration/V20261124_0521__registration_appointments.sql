-- 网上预约 (互联网+不动产登记建设指南 二（一）2: 选择业务办理机构、办理时间; 三（一）1: 与窗口预约衔接, 统一调度管理).
-- 登记大厅: where an applicant may be received, with how many windows serve one slot and when. Any hall of the city
-- takes an application of any district (全市通办); the halls are configured here, by the operator, not through the API.
CREATE TABLE registration_hall
(
    id            INT PRIMARY KEY,
    district_code CHAR(6)  NOT NULL CHECK (district_code ~ '^[0-9]{6}$'),
    name          TEXT     NOT NULL,
    address       TEXT     NOT NULL,
    phone         TEXT,
    -- applicants received in one slot (windows serving appointments)
    slot_capacity INT      NOT NULL CHECK (slot_capacity BETWEEN 1 AND 100),
    slot_minutes  INT      NOT NULL CHECK (slot_minutes IN (15, 20, 30, 60)),
    -- opening periods of a working day (Monday to Friday), Asia/Shanghai, e.g. 09:00-11:30,13:30-17:00
    opening_hours TEXT     NOT NULL CHECK (opening_hours ~ '^[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9](,[0-2][0-9]:[0-5][0-9]-[0-2][0-9]:[0-5][0-9])*$'),
    active        BOOLEAN  NOT NULL DEFAULT true
);
CREATE INDEX registration_hall_district_idx ON registration_hall (district_code);

-- one hall per district of the demo city; addresses and phone numbers are placeholders that an operator replaces with
-- the real ones before going live
INSERT INTO registration_hall (id, district_code, name, address, phone, slot_capacity, slot_minutes, opening_hours) VALUES
    (1, '320402', '常州市天宁区不动产登记中心', '常州市天宁区博爱路72号', '0519-88800402', 6, 30, '09:00-11:30,13:30-17:00'),
    (2, '320404', '常州市钟楼区不动产登记中心', '常州市钟楼区延陵西路123号', '0519-88800404', 6, 30, '09:00-11:30,13:30-17:00'),
    (3, '320411', '常州市新北区不动产登记中心', '常州市新北区太湖东路9号', '0519-88800411', 8, 30, '09:00-11:30,13:30-17:00'),
    (4, '320412', '常州市武进区不动产登记中心', '常州市武进区湖塘镇常武中路18号', '0519-88800412', 8, 30, '09:00-11:30,13:30-17:00'),
    (5, '320413', '常州市金坛区不动产登记中心', '常州市金坛区金坛大道88号', '0519-88800413', 4, 30, '09:00-11:30,13:30-17:00'),
    (6, '320481', '溧阳市不动产登记中心', '溧阳市燕山路36号', '0519-88800481', 4, 30, '09:00-11:30,13:30-17:00');

-- how many places of a slot are taken: one row per hall, day and start time that has been booked at all. A booking
-- raises it in one statement only while it is below the hall's capacity, so parallel bookings never overfill a slot.
CREATE TABLE registration_slot
(
    hall_id   INT  NOT NULL REFERENCES registration_hall,
    slot_date DATE NOT NULL,
    slot_time TIME NOT NULL,
    booked    INT  NOT NULL CHECK (booked >= 0),
    PRIMARY KEY (hall_id, slot_date, slot_time)
);

-- 预约: an application's visit to a hall; one booked at a time (a new one replaces it)
CREATE TABLE registration_appointment
(
    id             BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    application_no TEXT        NOT NULL REFERENCES registration_application,
    hall_id        INT         NOT NULL REFERENCES registration_hall,
    slot_date      DATE        NOT NULL,
    slot_time      TIME        NOT NULL,
    -- BOOKED; then ATTENDED (the applicant came), CANCELLED or REPLACED (by a newer booking)
    status         TEXT        NOT NULL CHECK (status IN ('BOOKED', 'ATTENDED', 'CANCELLED', 'REPLACED')),
    booked_by      TEXT        NOT NULL,
    booked_at      TIMESTAMPTZ NOT NULL,
    ended_by       TEXT,
    ended_at       TIMESTAMPTZ
);
CREATE UNIQUE INDEX registration_appointment_active_idx ON registration_appointment (application_no) WHERE status = 'BOOKED';
CREATE INDEX registration_appointment_slot_idx ON registration_appointment (hall_id, slot_date, slot_time);

GRANT SELECT ON registration_hall TO tongban_app;
GRANT SELECT, INSERT, UPDATE ON registration_slot TO tongban_app;
GRANT SELECT, INSERT ON registration_appointment TO tongban_app;
GRANT UPDATE (status, ended_by, ended_at) ON registration_appointment TO tongban_app;
