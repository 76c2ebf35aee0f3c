-- The contract text (建房规〔2020〕4号 三（九）: 自动生成合同文本), from a template per contract type that a region
-- may replace with its own, rendered after the filing commits and kept with its SM3 digest.
CREATE TABLE contract_template
(
    type       TEXT        NOT NULL CHECK (type IN ('NEW_SALE', 'EXISTING_SALE', 'LEASE', 'MORTGAGE')),
    region     TEXT        NOT NULL CHECK (region = '*' OR region ~ '^[0-9]{6}$'),
    body       TEXT        NOT NULL CHECK (length(body) > 0),
    version    BIGINT      NOT NULL DEFAULT 0,
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (type, region)
);

CREATE TABLE contract_document
(
    contract_id      BIGINT      NOT NULL PRIMARY KEY REFERENCES contract (id),
    template_type    TEXT        NOT NULL,
    template_region  TEXT        NOT NULL,
    template_version BIGINT      NOT NULL,
    content          TEXT        NOT NULL,
    sm3              CHAR(64)    NOT NULL CHECK (sm3 ~ '^[0-9a-f]{64}$'),
    rendered_at      TIMESTAMPTZ NOT NULL DEFAULT now()
);

INSERT INTO contract_template (type, region, body) VALUES
('NEW_SALE', '*', E'商品房买卖合同（网签备案）\n\n备案编码：{filingCode}\n签约日期：{signedOn}\n\n出卖人：{sellers}\n买受人：{buyers}\n\n第一条 房屋基本情况\n不动产单元代码：{unitCode}\n房屋坐落：{location}\n建筑面积：{buildingArea} 平方米（套内 {innerArea} 平方米，分摊 {sharedArea} 平方米）\n\n第二条 价款\n总价款：人民币 {price} 元。\n\n本合同经网上签约即时备案，备案编码为 {filingCode}。'),
('EXISTING_SALE', '*', E'存量房买卖合同（网签备案）\n\n备案编码：{filingCode}\n签约日期：{signedOn}\n\n出卖人：{sellers}\n买受人：{buyers}\n\n房屋坐落：{location}（不动产单元代码 {unitCode}）\n建筑面积：{buildingArea} 平方米\n成交价款：人民币 {price} 元。'),
('LEASE', '*', E'房屋租赁合同（网签备案）\n\n备案编码：{filingCode}\n签约日期：{signedOn}\n\n出租人：{sellers}\n承租人：{buyers}\n\n房屋坐落：{location}（不动产单元代码 {unitCode}），建筑面积 {buildingArea} 平方米。\n月租金：人民币 {price} 元。'),
('MORTGAGE', '*', E'房屋抵押合同（网签备案）\n\n备案编码：{filingCode}\n签约日期：{signedOn}\n\n抵押人：{sellers}\n抵押权人：{buyers}\n\n抵押房屋：{location}（不动产单元代码 {unitCode}），建筑面积 {buildingArea} 平方米。\n被担保主债权数额：人民币 {price} 元。');

INSERT INTO role_permission (role_code, permission) VALUES ('housing-admin', 'filing:template:edit');
