-- Seed of the 15 code tables of 建办房〔2020〕14号 (全国房屋网签备案业务数据标准). The standard's item lists are
-- not public; its table sizes are (news digest of the notice, /work/shared/seeds/002 line 131):
-- 业务类别101, 交易者类别24, 交易者证件名称9, 交易者性质10, 房屋状态2, 户型居室6, 户型结构5, 房屋朝向8, 建筑结构6,
-- 房屋用途32, 房屋性质9, 房屋类型7, 共有方式4, 付款类型2, 贷款方式5.
-- "TRADE_RECORD" below is the exchange table of the national housing-market monitoring system (全国房地产市场监测系统)
-- as published in a local implementation: github.com/cooperlyt/HMPLAT, design/database/center_push.sql,
-- push_project.sql and push_contract.sql (2020). It is a public witness of the national codes, not the standard.

INSERT INTO dictionary_type (code, name_zh, name_en, standard_size, source)
VALUES ('house_use', '房屋用途', 'House use', 32,
        'GB/T 17986.1-2000 房产测量规范 附录A 房屋用途分类: two-digit codes, 8 categories (10..80) with their '
            || 'sub-uses (parent_code = category), 36 items. The 32-item 房屋用途 table of 建办房〔2020〕14号 is not '
            || 'public; TRADE_RECORD (FWYTBM) numbers the same uses 001..037 and adds 别墅, 高档公寓, 物管用房.'),
       ('house_nature', '房屋性质', 'House nature', 9,
        'TD/T 1066 不动产登记数据库标准 房屋性质字典: 0..9 and 99 其它, 11 items. 建办房〔2020〕14号 gives 9 items, '
            || 'not public. TRADE_RECORD (FWXZBM) has the same labels coded 01..10.'),
       ('house_type', '房屋类型', 'House type', 7,
        'Provisional local table pending the national one: 7 items, as many as 建办房〔2020〕14号 gives (its list '
            || 'is not public). TRADE_RECORD (FWLXBM) uses a different list: 01 住宅, 02 商业用房, 03 办公用房, '
            || '04 工业用房, 05 仓储用房, 06 车库.'),
       ('building_structure', '建筑结构', 'Building structure', 6,
        'TD/T 1066 不动产登记数据库标准 房屋结构字典: 1..6, 6 items, as many as 建办房〔2020〕14号 gives. '
            || 'TRADE_RECORD (JZJGBM) has the same labels coded 01..06.'),
       ('room_layout', '户型居室', 'Room layout', 6,
        'TRADE_RECORD (HXJSBM): 01 一居室 .. 05 五居室; 06 五居室以上 added locally to reach the 6 items of '
            || '建办房〔2020〕14号 (its list is not public).'),
       ('layout_structure', '户型结构', 'Layout structure', 5,
        'Provisional local table pending the national one: 5 items, as many as 建办房〔2020〕14号 gives (its list '
            || 'is not public). TRADE_RECORD (HXJGBM) codes differ: 01 平层, 02 错层, 03 复式楼, 04 跃层; '
            || 'map 02..04 when exchanging.'),
       ('orientation', '房屋朝向', 'Orientation', 8,
        'Provisional local table pending the national one: the 8 directions, as many as 建办房〔2020〕14号 gives '
            || '(its list is not public). TRADE_RECORD (FWCXBM) orders them differently: 01 东, 02 西, 03 南, '
            || '04 北, 05 东北, 06 东南, 07 西北, 08 西南; map when exchanging.'),
       ('house_state', '房屋状态', 'House state', 2,
        'TRADE_RECORD (FWZT): 01 期房, 02 现房; 2 items, as many as 建办房〔2020〕14号 gives.'),
       ('co_ownership', '共有方式', 'Co-ownership', 4,
        'TRADE_RECORD (GYFSBM): 01 单独占有 (labelled 单独所有 here), 02 共同共有, 03 按份共有 (民法典 第二百九十七条); '
            || '04 其他共有 added locally to reach the 4 items of 建办房〔2020〕14号 (its list is not public).'),
       ('payment_type', '付款类型', 'Payment type', 2,
        'Provisional local table pending the national one: 01 一次性付款, 02 分期付款, 2 items as 建办房〔2020〕14号 '
            || 'gives (its list is not public); whether a loan is used is in 贷款方式. TRADE_RECORD (FKLXBM) has 4 '
            || 'items: 01 无抵押一次性付款, 02 无抵押分期付款, 03 抵押贷款一次性付款, 04 抵押贷款分期付款.'),
       ('loan_type', '贷款方式', 'Loan type', 5,
        'TRADE_RECORD (DKFSBM): 01 商业贷款, 02 公积金贷款, 03 组合贷款, 04 不确定; 05 无贷款 added locally to reach '
            || 'the 5 items of 建办房〔2020〕14号 (its list is not public).'),
       ('party_category', '交易者类别', 'Party category', 24,
        'TRADE_RECORD (JYZLBBM): 01..24, the parties of transfer, mortgage, lease and seizure and their appointed '
            || 'and statutory agents; 24 items, as many as 建办房〔2020〕14号 gives.'),
       ('party_id_type', '交易者证件名称', 'Party ID document', 9,
        'TRADE_RECORD (JYZZJMCBM): 01..08; 99 其他 (used by the same exchange for parties without one of them) '
            || 'reaches the 9 items of 建办房〔2020〕14号.'),
       ('party_nature', '交易者性质', 'Party nature', 10,
        'TRADE_RECORD (JYZXZBM): 01..10, residence and origin of a natural person; 10 items, as many as '
            || '建办房〔2020〕14号 gives. The exchange sends 99 for parties none applies to (legal persons).'),
       ('business_category', '业务类别', 'Business category', 101,
        'Provisional local table pending the national one (101 items in 建办房〔2020〕14号, not public). Codes '
            || '001, 005, 006, 036, 037, 041, 042, 101 are national codes as sent in TRADE_RECORD (LLYWLBBM); '
            || 'codes L01..L07 are local for the other main 网签备案 businesses and are to be retired (valid_to) '
            || 'once the national codes are known.');

-- GB/T 17986.1-2000 附录A 房屋用途分类
INSERT INTO dictionary_item (type_code, code, label_zh, label_en, parent_code, sort_order)
VALUES ('house_use', '10', '住宅', 'Residential', NULL, 10),
       ('house_use', '11', '成套住宅', 'Self-contained dwelling', '10', 11),
       ('house_use', '12', '非成套住宅', 'Non-self-contained dwelling', '10', 12),
       ('house_use', '13', '集体宿舍', 'Collective dormitory', '10', 13),
       ('house_use', '20', '工业、交通、仓储', 'Industry, transport and storage', NULL, 20),
       ('house_use', '21', '工业', 'Industrial', '20', 21),
       ('house_use', '22', '公用设施', 'Public utilities', '20', 22),
       ('house_use', '23', '铁路', 'Railway', '20', 23),
       ('house_use', '24', '民航', 'Civil aviation', '20', 24),
       ('house_use', '25', '航运', 'Shipping', '20', 25),
       ('house_use', '26', '公交运输', 'Public transport', '20', 26),
       ('house_use', '27', '仓储', 'Warehousing', '20', 27),
       ('house_use', '30', '商业、金融、信息', 'Commerce, finance and information', NULL, 30),
       ('house_use', '31', '商业服务', 'Commercial services', '30', 31),
       ('house_use', '32', '经营', 'Business operations', '30', 32),
       ('house_use', '33', '旅游', 'Tourism', '30', 33),
       ('house_use', '34', '金融保险', 'Finance and insurance', '30', 34),
       ('house_use', '35', '电讯信息', 'Telecommunications and information', '30', 35),
       ('house_use', '40', '教育、医疗、卫生、科研', 'Education, medical care, health and research', NULL, 40),
       ('house_use', '41', '教育', 'Education', '40', 41),
       ('house_use', '42', '医疗卫生', 'Medical care and health', '40', 42),
       ('house_use', '43', '科研', 'Scientific research', '40', 43),
       ('house_use', '50', '文化、娱乐、体育', 'Culture, entertainment and sports', NULL, 50),
       ('house_use', '51', '文化', 'Culture', '50', 51),
       ('house_use', '52', '新闻', 'News media', '50', 52),
       ('house_use', '53', '娱乐', 'Entertainment', '50', 53),
       ('house_use', '54', '园林绿化', 'Parks and landscaping', '50', 54),
       ('house_use', '55', '体育', 'Sports', '50', 55),
       ('house_use', '60', '办公', 'Office', NULL, 60),
       ('house_use', '61', '办公', 'Office', '60', 61),
       ('house_use', '70', '军事', 'Military', NULL, 70),
       ('house_use', '71', '军事', 'Military', '70', 71),
       ('house_use', '80', '其他', 'Other', NULL, 80),
       ('house_use', '81', '涉外', 'Foreign affairs', '80', 81),
       ('house_use', '82', '宗教', 'Religious', '80', 82),
       ('house_use', '83', '监狱', 'Prison', '80', 83);

INSERT INTO dictionary_item (type_code, code, label_zh, label_en, sort_order)
VALUES -- TD/T 1066 房屋性质字典
       ('house_nature', '0', '市场化商品房', 'Market commodity housing', 0),
       ('house_nature', '1', '动迁房', 'Resettlement housing', 1),
       ('house_nature', '2', '配套商品房', 'Supporting commodity housing', 2),
       ('house_nature', '3', '公共租赁住房', 'Public rental housing', 3),
       ('house_nature', '4', '廉租住房', 'Low-rent housing', 4),
       ('house_nature', '5', '限价普通商品住房', 'Price-capped ordinary commodity housing', 5),
       ('house_nature', '6', '经济适用住房', 'Affordable housing', 6),
       ('house_nature', '7', '定销商品房', 'Designated-sale commodity housing', 7),
       ('house_nature', '8', '集资建房', 'Cooperatively funded housing', 8),
       ('house_nature', '9', '福利房', 'Welfare housing', 9),
       ('house_nature', '99', '其它', 'Other', 99),
       -- provisional local 房屋类型
       ('house_type', '01', '普通住宅', 'Ordinary residence', 1),
       ('house_type', '02', '非普通住宅', 'Non-ordinary residence', 2),
       ('house_type', '03', '别墅', 'Villa', 3),
       ('house_type', '04', '商业用房', 'Commercial premises', 4),
       ('house_type', '05', '办公用房', 'Office premises', 5),
       ('house_type', '06', '车库车位', 'Garage or parking space', 6),
       ('house_type', '07', '其他', 'Other', 7),
       -- TD/T 1066 房屋结构字典
       ('building_structure', '1', '钢结构', 'Steel', 1),
       ('building_structure', '2', '钢和钢筋混凝土结构', 'Steel and reinforced concrete', 2),
       ('building_structure', '3', '钢筋混凝土结构', 'Reinforced concrete', 3),
       ('building_structure', '4', '混合结构', 'Mixed (masonry and concrete)', 4),
       ('building_structure', '5', '砖木结构', 'Brick and timber', 5),
       ('building_structure', '6', '其它结构', 'Other', 6),
       -- 户型居室
       ('room_layout', '01', '一居室', 'One room', 1),
       ('room_layout', '02', '二居室', 'Two rooms', 2),
       ('room_layout', '03', '三居室', 'Three rooms', 3),
       ('room_layout', '04', '四居室', 'Four rooms', 4),
       ('room_layout', '05', '五居室', 'Five rooms', 5),
       ('room_layout', '06', '五居室以上', 'More than five rooms', 6),
       -- provisional local 户型结构
       ('layout_structure', '01', '平层', 'Single level', 1),
       ('layout_structure', '02', '跃层', 'Duplex', 2),
       ('layout_structure', '03', '错层', 'Split level', 3),
       ('layout_structure', '04', '复式', 'Loft (mezzanine)', 4),
       ('layout_structure', '05', '其他', 'Other', 5),
       -- provisional local 房屋朝向
       ('orientation', '01', '东', 'East', 1),
       ('orientation', '02', '南', 'South', 2),
       ('orientation', '03', '西', 'West', 3),
       ('orientation', '04', '北', 'North', 4),
       ('orientation', '05', '东南', 'Southeast', 5),
       ('orientation', '06', '东北', 'Northeast', 6),
       ('orientation', '07', '西南', 'Southwest', 7),
       ('orientation', '08', '西北', 'Northwest', 8),
       -- 房屋状态
       ('house_state', '01', '期房', 'Off-plan', 1),
       ('house_state', '02', '现房', 'Completed', 2),
       -- 共有方式
       ('co_ownership', '01', '单独所有', 'Sole ownership', 1),
       ('co_ownership', '02', '共同共有', 'Joint ownership', 2),
       ('co_ownership', '03', '按份共有', 'Ownership in shares', 3),
       ('co_ownership', '04', '其他共有', 'Other co-ownership', 4),
       -- provisional local 付款类型
       ('payment_type', '01', '一次性付款', 'Lump-sum payment', 1),
       ('payment_type', '02', '分期付款', 'Payment in instalments', 2),
       -- 贷款方式
       ('loan_type', '01', '商业贷款', 'Commercial loan', 1),
       ('loan_type', '02', '公积金贷款', 'Housing provident fund loan', 2),
       ('loan_type', '03', '组合贷款', 'Combined loan', 3),
       ('loan_type', '04', '不确定', 'Undetermined', 4),
       ('loan_type', '05', '无贷款', 'No loan', 5),
       -- 交易者类别
       ('party_category', '01', '出让人', 'Transferor', 1),
       ('party_category', '02', '抵押人', 'Mortgagor', 2),
       ('party_category', '03', '出租人', 'Lessor', 3),
       ('party_category', '04', '被查封限制人', 'Person under seizure or restriction', 4),
       ('party_category', '05', '受让方', 'Transferee', 5),
       ('party_category', '06', '抵押权人', 'Mortgagee', 6),
       ('party_category', '07', '承租人', 'Lessee', 7),
       ('party_category', '08', '查封限制人', 'Authority imposing seizure or restriction', 8),
       ('party_category', '09', '出让人委托的代理人', 'Agent appointed by the transferor', 9),
       ('party_category', '10', '抵押人委托的代理人', 'Agent appointed by the mortgagor', 10),
       ('party_category', '11', '出租人委托的代理人', 'Agent appointed by the lessor', 11),
       ('party_category', '12', '被查封限制人委托的代理人', 'Agent appointed by the person under seizure or restriction', 12),
       ('party_category', '13', '受让方委托的代理人', 'Agent appointed by the transferee', 13),
       ('party_category', '14', '抵押权人委托的代理人', 'Agent appointed by the mortgagee', 14),
       ('party_category', '15', '承租人委托的代理人', 'Agent appointed by the lessee', 15),
       ('party_category', '16', '查封限制人委托的代理人', 'Agent appointed by the authority imposing seizure or restriction', 16),
       ('party_category', '17', '出让人的法定代理人', 'Statutory agent of the transferor', 17),
       ('party_category', '18', '抵押人的法定代理人', 'Statutory agent of the mortgagor', 18),
       ('party_category', '19', '出租人的法定代理人', 'Statutory agent of the lessor', 19),
       ('party_category', '20', '被查封限制人的法定代理人', 'Statutory agent of the person under seizure or restriction', 20),
       ('party_category', '21', '受让方的法定代理人', 'Statutory agent of the transferee', 21),
       ('party_category', '22', '抵押权人的法定代理人', 'Statutory agent of the mortgagee', 22),
       ('party_category', '23', '承租人的法定代理人', 'Statutory agent of the lessee', 23),
       ('party_category', '24', '查封限制人的法定代理人', 'Statutory agent of the authority imposing seizure or restriction', 24),
       -- 交易者证件名称
       ('party_id_type', '01', '居民身份证', 'Resident identity card', 1),
       ('party_id_type', '02', '统一社会信用代码证', 'Unified social credit code certificate', 2),
       ('party_id_type', '03', '港澳台身份证', 'Hong Kong, Macao or Taiwan identity card', 3),
       ('party_id_type', '04', '护照', 'Passport', 4),
       ('party_id_type', '05', '户口簿', 'Household register', 5),
       ('party_id_type', '06', '军官证（士兵证）', 'Military officer''s (soldier''s) card', 6),
       ('party_id_type', '07', '组织机构代码', 'Organization code certificate', 7),
       ('party_id_type', '08', '营业执照', 'Business licence', 8),
       ('party_id_type', '99', '其他', 'Other', 99),
       -- 交易者性质
       ('party_nature', '01', '本市城镇居民', 'Urban resident of this city', 1),
       ('party_nature', '02', '本市非城镇居民', 'Non-urban resident of this city', 2),
       ('party_nature', '03', '外省市个人', 'Individual from another province', 3),
       ('party_nature', '04', '华侨', 'Overseas Chinese', 4),
       ('party_nature', '05', '香港同胞', 'Hong Kong compatriot', 5),
       ('party_nature', '06', '澳门同胞', 'Macao compatriot', 6),
       ('party_nature', '07', '台湾同胞', 'Taiwan compatriot', 7),
       ('party_nature', '08', '军人', 'Military personnel', 8),
       ('party_nature', '09', '外国个人', 'Foreign individual', 9),
       ('party_nature', '10', '本省外市居民', 'Resident of another city of this province', 10),
       -- 业务类别: national codes seen in TRADE_RECORD, then provisional local L-codes
       ('business_category', '001', '预售许可', 'Presale permit', 1),
       ('business_category', '005', '商品期房转让网签', 'Online contract: sale of off-plan commodity housing', 5),
       ('business_category', '006', '商品期房转让网签注销', 'Cancellation: sale of off-plan commodity housing', 6),
       ('business_category', '036', '预售许可注销', 'Cancellation of presale permit', 36),
       ('business_category', '037', '现售许可', 'Completed-housing sale permit', 37),
       ('business_category', '041', '商品现房转让网签', 'Online contract: sale of completed commodity housing', 41),
       ('business_category', '042', '商品现房转让网签注销', 'Cancellation: sale of completed commodity housing', 42),
       ('business_category', '101', '现售许可注销', 'Cancellation of completed-housing sale permit', 101),
       ('business_category', 'L01', '存量房转让网签', 'Online contract: sale of existing housing', 201),
       ('business_category', 'L02', '存量房转让网签注销', 'Cancellation: sale of existing housing', 202),
       ('business_category', 'L03', '房屋租赁网签备案', 'Online contract: housing lease', 203),
       ('business_category', 'L04', '房屋租赁网签备案注销', 'Cancellation: housing lease', 204),
       ('business_category', 'L05', '房屋抵押网签备案', 'Online contract: housing mortgage', 205),
       ('business_category', 'L06', '房屋抵押网签备案注销', 'Cancellation: housing mortgage', 206),
       ('business_category', 'L07', '网签备案合同变更', 'Amendment of a filed contract', 207);
