PRAGMA foreign_keys=OFF;
BEGIN TRANSACTION;
CREATE TABLE sources (
    id              INTEGER PRIMARY KEY,
    first_line_hash TEXT    NOT NULL,
    prefix_hash     TEXT    NOT NULL,
    prefix_length   INTEGER NOT NULL,
    last_path       TEXT    NOT NULL,
    byte_offset     INTEGER NOT NULL DEFAULT 0,
    line            INTEGER NOT NULL DEFAULT 0,
    updated_ms      INTEGER
);
INSERT INTO sources VALUES(1,'cc84f9c071687cf1','da32f24196d362de',65536,'/work/main/tools/sample/audit.log',1085854,5812,1764042457708);
CREATE TABLE audit_events (
    id         INTEGER PRIMARY KEY,
    node       TEXT    NOT NULL,
    time_ms    INTEGER NOT NULL,
    serial     INTEGER NOT NULL,
    occurrence INTEGER NOT NULL DEFAULT 0,
    source_id  INTEGER REFERENCES sources(id),
    line       INTEGER, run_id INTEGER REFERENCES denial_runs(id), block_id INTEGER REFERENCES evidence_blocks(id), block_offset INTEGER, block_length INTEGER,
    UNIQUE (node, serial, time_ms, occurrence)
);
INSERT INTO audit_events VALUES(1,'hv01',1764042445113,819,0,1,57,1,1,0,972);
INSERT INTO audit_events VALUES(2,'hv01',1764042445261,834,0,1,108,2,1,972,1170);
INSERT INTO audit_events VALUES(3,'hv01',1764042445413,857,0,1,167,3,1,2142,1135);
INSERT INTO audit_events VALUES(4,'hv01',1764042445492,863,0,1,194,4,1,3277,488);
INSERT INTO audit_events VALUES(5,'hv01',1764042445526,866,0,1,202,4,1,3765,488);
INSERT INTO audit_events VALUES(6,'hv01',1764042445584,874,0,1,233,5,1,4253,1176);
INSERT INTO audit_events VALUES(7,'hv01',1764042445736,892,0,1,300,NULL,1,5429,333);
INSERT INTO audit_events VALUES(8,'hv01',1764042445847,901,0,1,331,4,1,5762,488);
INSERT INTO audit_events VALUES(9,'hv01',1764042445938,911,0,1,378,6,1,6250,1375);
INSERT INTO audit_events VALUES(10,'hv01',1764042446591,980,0,1,678,4,1,7625,488);
INSERT INTO audit_events VALUES(11,'hv01',1764042446604,982,0,1,683,7,1,8113,1136);
INSERT INTO audit_events VALUES(12,'hv01',1764042446688,992,0,1,723,8,1,9249,977);
INSERT INTO audit_events VALUES(13,'hv01',1764042446792,1006,0,1,779,9,1,10226,1175);
INSERT INTO audit_events VALUES(14,'hv01',1764042446894,1013,0,1,810,10,1,11401,1454);
INSERT INTO audit_events VALUES(15,'hv01',1764042446993,1024,0,1,862,NULL,1,12855,419);
INSERT INTO audit_events VALUES(16,'hv01',1764042446993,1025,0,1,863,NULL,1,13274,351);
INSERT INTO audit_events VALUES(17,'hv01',1764042446993,1026,0,1,864,NULL,1,13625,389);
INSERT INTO audit_events VALUES(18,'hv01',1764042446993,1027,0,1,865,NULL,1,14014,365);
INSERT INTO audit_events VALUES(19,'hv01',1764042446993,1028,0,1,866,NULL,1,14379,351);
INSERT INTO audit_events VALUES(20,'hv01',1764042446993,1029,0,1,867,NULL,1,14730,348);
INSERT INTO audit_events VALUES(21,'hv01',1764042446993,1030,0,1,868,NULL,1,15078,335);
INSERT INTO audit_events VALUES(22,'hv01',1764042447094,1041,0,1,915,NULL,1,15413,626);
INSERT INTO audit_events VALUES(23,'hv01',1764042447532,1091,0,1,1102,11,1,16039,1436);
INSERT INTO audit_events VALUES(24,'hv01',1764042447555,1095,0,1,1122,NULL,1,17475,419);
INSERT INTO audit_events VALUES(25,'hv01',1764042447555,1096,0,1,1123,NULL,1,17894,351);
INSERT INTO audit_events VALUES(26,'hv01',1764042447555,1097,0,1,1124,NULL,1,18245,388);
INSERT INTO audit_events VALUES(27,'hv01',1764042447555,1098,0,1,1125,NULL,1,18633,365);
INSERT INTO audit_events VALUES(28,'hv01',1764042447555,1099,0,1,1126,NULL,1,18998,351);
INSERT INTO audit_events VALUES(29,'hv01',1764042447555,1100,0,1,1127,NULL,1,19349,348);
INSERT INTO audit_events VALUES(30,'hv01',1764042447555,1101,0,1,1128,NULL,1,19697,335);
INSERT INTO audit_events VALUES(31,'hv01',1764042447628,1110,0,1,1165,12,1,20032,973);
INSERT INTO audit_events VALUES(32,'hv01',1764042447630,1111,0,1,1170,13,1,21005,1130);
INSERT INTO audit_events VALUES(33,'hv01',1764042447861,1144,0,1,1287,14,1,22135,1178);
INSERT INTO audit_events VALUES(34,'hv01',1764042447890,1146,0,1,1296,15,1,23313,986);
INSERT INTO audit_events VALUES(35,'hv01',1764042448018,1163,0,1,1369,16,1,24299,1169);
INSERT INTO audit_events VALUES(36,'hv01',1764042448081,1172,0,1,1412,4,1,25468,490);
INSERT INTO audit_events VALUES(37,'hv01',1764042448098,1174,0,1,1417,NULL,1,25958,620);
INSERT INTO audit_events VALUES(38,'hv01',1764042448245,1189,0,1,1485,NULL,1,26578,418);
INSERT INTO audit_events VALUES(39,'hv01',1764042448245,1190,0,1,1486,NULL,1,26996,350);
INSERT INTO audit_events VALUES(40,'hv01',1764042448245,1191,0,1,1487,NULL,1,27346,386);
INSERT INTO audit_events VALUES(41,'hv01',1764042448245,1192,0,1,1488,NULL,1,27732,364);
INSERT INTO audit_events VALUES(42,'hv01',1764042448245,1193,0,1,1489,NULL,1,28096,350);
INSERT INTO audit_events VALUES(43,'hv01',1764042448245,1194,0,1,1490,NULL,1,28446,347);
INSERT INTO audit_events VALUES(44,'hv01',1764042448245,1195,0,1,1491,NULL,1,28793,334);
INSERT INTO audit_events VALUES(45,'hv01',1764042448252,1200,0,1,1499,17,1,29127,1167);
INSERT INTO audit_events VALUES(46,'hv01',1764042448288,1203,0,1,1511,NULL,1,30294,418);
INSERT INTO audit_events VALUES(47,'hv01',1764042448288,1204,0,1,1512,NULL,1,30712,352);
INSERT INTO audit_events VALUES(48,'hv01',1764042448288,1205,0,1,1513,NULL,1,31064,390);
INSERT INTO audit_events VALUES(49,'hv01',1764042448288,1206,0,1,1514,NULL,1,31454,366);
INSERT INTO audit_events VALUES(50,'hv01',1764042448288,1207,0,1,1515,NULL,1,31820,352);
INSERT INTO audit_events VALUES(51,'hv01',1764042448288,1208,0,1,1516,NULL,1,32172,349);
INSERT INTO audit_events VALUES(52,'hv01',1764042448288,1209,0,1,1517,NULL,1,32521,336);
INSERT INTO audit_events VALUES(53,'hv01',1764042448340,1217,0,1,1533,18,1,32857,1135);
INSERT INTO audit_events VALUES(54,'hv01',1764042448875,1284,0,1,1778,19,1,33992,1174);
INSERT INTO audit_events VALUES(55,'hv01',1764042448930,1289,0,1,1801,20,1,35166,1411);
INSERT INTO audit_events VALUES(56,'hv01',1764042448950,1290,0,1,1807,21,1,36577,1449);
INSERT INTO audit_events VALUES(57,'hv01',1764042449125,1306,0,1,1868,22,1,38026,1139);
INSERT INTO audit_events VALUES(58,'hv01',1764042449532,1347,0,1,2057,4,1,39165,490);
INSERT INTO audit_events VALUES(59,'hv01',1764042449807,1371,0,1,2143,4,1,39655,490);
INSERT INTO audit_events VALUES(60,'hv01',1764042449845,1375,0,1,2157,NULL,1,40145,333);
INSERT INTO audit_events VALUES(61,'hv01',1764042449987,1392,0,1,2205,4,1,40478,490);
INSERT INTO audit_events VALUES(62,'hv01',1764042449991,1393,0,1,2206,23,1,40968,1135);
INSERT INTO audit_events VALUES(63,'hv01',1764042450150,1408,0,1,2261,24,1,42103,1134);
INSERT INTO audit_events VALUES(64,'hv01',1764042450247,1419,0,1,2299,25,1,43237,989);
INSERT INTO audit_events VALUES(65,'hv01',1764042450620,1464,0,1,2463,4,1,44226,490);
INSERT INTO audit_events VALUES(66,'hv01',1764042451037,1509,0,1,2684,NULL,1,44716,418);
INSERT INTO audit_events VALUES(67,'hv01',1764042451037,1510,0,1,2685,NULL,1,45134,350);
INSERT INTO audit_events VALUES(68,'hv01',1764042451037,1511,0,1,2686,NULL,1,45484,386);
INSERT INTO audit_events VALUES(69,'hv01',1764042451037,1512,0,1,2687,NULL,1,45870,364);
INSERT INTO audit_events VALUES(70,'hv01',1764042451037,1513,0,1,2688,NULL,1,46234,350);
INSERT INTO audit_events VALUES(71,'hv01',1764042451037,1514,0,1,2689,NULL,1,46584,347);
INSERT INTO audit_events VALUES(72,'hv01',1764042451037,1515,0,1,2690,NULL,1,46931,335);
INSERT INTO audit_events VALUES(73,'hv01',1764042451052,1517,0,1,2697,4,1,47266,490);
INSERT INTO audit_events VALUES(74,'hv01',1764042451246,1538,0,1,2784,26,1,47756,976);
INSERT INTO audit_events VALUES(75,'hv01',1764042451480,1562,0,1,2884,27,1,48732,989);
INSERT INTO audit_events VALUES(76,'hv01',1764042451829,1599,0,1,3036,28,1,49721,1476);
INSERT INTO audit_events VALUES(77,'hv01',1764042451949,1612,0,1,3092,29,1,51197,1010);
INSERT INTO audit_events VALUES(78,'hv01',1764042452084,1627,0,1,3154,NULL,1,52207,332);
INSERT INTO audit_events VALUES(79,'hv01',1764042452196,1637,0,1,3198,30,1,52539,1408);
INSERT INTO audit_events VALUES(80,'hv01',1764042452352,1655,0,1,3252,31,1,53947,795);
INSERT INTO audit_events VALUES(81,'hv01',1764042452387,1659,0,1,3271,NULL,1,54742,417);
INSERT INTO audit_events VALUES(82,'hv01',1764042452387,1660,0,1,3272,NULL,1,55159,349);
INSERT INTO audit_events VALUES(83,'hv01',1764042452387,1661,0,1,3273,NULL,1,55508,384);
INSERT INTO audit_events VALUES(84,'hv01',1764042452387,1662,0,1,3274,NULL,1,55892,363);
INSERT INTO audit_events VALUES(85,'hv01',1764042452387,1663,0,1,3275,NULL,1,56255,349);
INSERT INTO audit_events VALUES(86,'hv01',1764042452387,1664,0,1,3276,NULL,1,56604,346);
INSERT INTO audit_events VALUES(87,'hv01',1764042452387,1665,0,1,3277,NULL,1,56950,334);
INSERT INTO audit_events VALUES(88,'hv01',1764042452421,1668,0,1,3288,4,1,57284,490);
INSERT INTO audit_events VALUES(89,'hv01',1764042452624,1686,0,1,3379,4,1,57774,490);
INSERT INTO audit_events VALUES(90,'hv01',1764042452761,1698,0,1,3430,4,1,58264,490);
INSERT INTO audit_events VALUES(91,'hv01',1764042452828,1706,0,1,3469,32,1,58754,1182);
INSERT INTO audit_events VALUES(92,'hv01',1764042453335,1762,0,1,3712,4,1,59936,490);
INSERT INTO audit_events VALUES(93,'hv01',1764042453389,1767,0,1,3733,33,1,60426,1166);
INSERT INTO audit_events VALUES(94,'hv01',1764042453623,1798,0,1,3850,34,1,61592,976);
INSERT INTO audit_events VALUES(95,'hv01',1764042453700,1808,0,1,3901,35,1,62568,1186);
INSERT INTO audit_events VALUES(96,'hv01',1764042453771,1817,0,1,3950,36,1,63754,989);
INSERT INTO audit_events VALUES(97,'hv01',1764042453831,1823,0,1,3985,37,1,64743,1376);
INSERT INTO audit_events VALUES(98,'hv01',1764042453897,1832,0,1,4020,38,1,66119,1466);
INSERT INTO audit_events VALUES(99,'hv01',1764042454071,1858,0,1,4103,39,1,67585,1135);
INSERT INTO audit_events VALUES(100,'hv01',1764042454352,1896,0,1,4218,4,1,68720,490);
INSERT INTO audit_events VALUES(101,'hv01',1764042454368,1898,0,1,4223,40,1,69210,1190);
INSERT INTO audit_events VALUES(102,'hv01',1764042454482,1909,0,1,4274,41,1,70400,976);
INSERT INTO audit_events VALUES(103,'hv01',1764042454524,1916,0,1,4307,42,1,71376,1134);
INSERT INTO audit_events VALUES(104,'hv01',1764042454735,1948,0,1,4427,4,1,72510,490);
INSERT INTO audit_events VALUES(105,'hv01',1764042454892,1968,0,1,4513,43,1,73000,976);
INSERT INTO audit_events VALUES(106,'hv01',1764042454907,1969,0,1,4518,40,1,73976,1190);
INSERT INTO audit_events VALUES(107,'hv01',1764042454960,1977,0,1,4542,44,1,75166,1191);
INSERT INTO audit_events VALUES(108,'hv01',1764042455011,1982,0,1,4567,45,1,76357,1138);
INSERT INTO audit_events VALUES(109,'hv01',1764042455079,1991,0,1,4606,46,1,77495,974);
INSERT INTO audit_events VALUES(110,'hv01',1764042455089,1993,0,1,4617,47,1,78469,798);
INSERT INTO audit_events VALUES(111,'hv01',1764042455098,1998,0,1,4627,48,1,79267,795);
INSERT INTO audit_events VALUES(112,'hv01',1764042455360,2025,0,1,4720,4,1,80062,490);
INSERT INTO audit_events VALUES(113,'hv01',1764042455465,2040,0,1,4778,49,1,80552,1186);
INSERT INTO audit_events VALUES(114,'hv01',1764042455554,2047,0,1,4813,NULL,1,81738,616);
INSERT INTO audit_events VALUES(115,'hv01',1764042455724,2070,0,1,4893,50,1,82354,1121);
INSERT INTO audit_events VALUES(116,'hv01',1764042455755,2073,0,1,4903,51,1,83475,1180);
INSERT INTO audit_events VALUES(117,'hv01',1764042455785,2076,0,1,4920,52,1,84655,976);
INSERT INTO audit_events VALUES(118,'hv01',1764042455811,2081,0,1,4934,4,1,85631,490);
INSERT INTO audit_events VALUES(119,'hv01',1764042456250,2127,0,1,5133,NULL,1,86121,332);
INSERT INTO audit_events VALUES(120,'hv01',1764042456369,2137,0,1,5171,NULL,1,86453,418);
INSERT INTO audit_events VALUES(121,'hv01',1764042456369,2138,0,1,5172,NULL,1,86871,350);
INSERT INTO audit_events VALUES(122,'hv01',1764042456369,2139,0,1,5173,NULL,1,87221,386);
INSERT INTO audit_events VALUES(123,'hv01',1764042456369,2140,0,1,5174,NULL,1,87607,364);
INSERT INTO audit_events VALUES(124,'hv01',1764042456369,2141,0,1,5175,NULL,1,87971,350);
INSERT INTO audit_events VALUES(125,'hv01',1764042456369,2142,0,1,5176,NULL,1,88321,347);
INSERT INTO audit_events VALUES(126,'hv01',1764042456369,2143,0,1,5177,NULL,1,88668,335);
INSERT INTO audit_events VALUES(127,'hv01',1764042456653,2182,0,1,5306,53,1,89003,1166);
INSERT INTO audit_events VALUES(128,'hv01',1764042456677,2187,0,1,5331,54,1,90169,1163);
INSERT INTO audit_events VALUES(129,'hv01',1764042457457,2269,0,1,5646,55,1,91332,1145);
INSERT INTO audit_events VALUES(130,'hv01',1764042457496,2272,0,1,5661,56,1,92477,1166);
INSERT INTO audit_events VALUES(131,'hv01',1764042457631,2283,0,1,5716,57,1,93643,1408);
INSERT INTO audit_events VALUES(132,'hv01',1764042457708,2296,0,1,5768,4,1,95051,490);
CREATE TABLE raw_records (
    audit_event_id INTEGER NOT NULL REFERENCES audit_events(id),
    seq            INTEGER NOT NULL,
    record_type    TEXT    NOT NULL,
    line           INTEGER,
    text           TEXT    NOT NULL,
    PRIMARY KEY (audit_event_id, seq)
) WITHOUT ROWID;
CREATE TABLE guests (
    id    INTEGER PRIMARY KEY,
    node  TEXT NOT NULL,
    uuid  TEXT NOT NULL,
    name  TEXT NOT NULL,
    UNIQUE (node, uuid)
);
INSERT INTO guests VALUES(1,'hv01','6f03675a-6b0d-11e2-3d9c-8d111738f7d9','build002');
INSERT INTO guests VALUES(2,'hv01','128b2f33-d23f-892f-1818-95315d9dc9f8','ci001');
INSERT INTO guests VALUES(3,'hv01','39263059-a170-a09f-953f-0fd6f29d0da9','ldap003');
INSERT INTO guests VALUES(4,'hv01','0becd7b0-8e81-dbc4-2217-6b4c4a23d596','web004');
INSERT INTO guests VALUES(5,'hv01','c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005');
INSERT INTO guests VALUES(6,'hv01','29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006');
INSERT INTO guests VALUES(7,'hv01','904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007');
INSERT INTO guests VALUES(8,'hv01','29e42f63-2367-7174-a302-66c1f845a62b','cache008');
INSERT INTO guests VALUES(9,'hv01','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009');
INSERT INTO guests VALUES(10,'hv01','6641f7cc-3d89-a764-db48-3e5a6c212283','db010');
INSERT INTO guests VALUES(11,'hv01','28dca2d3-c52e-a112-4ade-d4daf572617b','dns011');
CREATE TABLE leases (
    id              INTEGER PRIMARY KEY,
    guest_id        INTEGER NOT NULL REFERENCES guests(id),
    node            TEXT    NOT NULL,
    name            TEXT    NOT NULL,
    model           TEXT    NOT NULL,          -- selinux | dac
    label           TEXT    NOT NULL,          -- vm-ctx as logged
    image_label     TEXT,
    level           TEXT,                      -- canonical MCS level, selinux only
    process_type    TEXT,
    is_static       INTEGER NOT NULL DEFAULT 0,
    pid             INTEGER,
    valid_from_ms   INTEGER,                   -- NULL: running before the log began
    valid_from_serial INTEGER,
    valid_to_ms     INTEGER,                   -- NULL: still running
    valid_to_serial INTEGER,
    started         INTEGER NOT NULL DEFAULT 0,
    origin          TEXT    NOT NULL           -- audit | status-xml
);
INSERT INTO leases VALUES(1,1,'hv01','build002','selinux','system_u:system_r:svirt_tcg_t:s0:c495,c500','system_u:object_r:svirt_image_t:s0:c495,c500','s0:c495,c500','svirt_tcg_t',0,3034,NULL,NULL,1764042445736,892,1,'status-xml');
INSERT INTO leases VALUES(2,1,'hv01','build002','dac','+107:+107','+107:+107',NULL,NULL,0,3034,NULL,NULL,1764042445736,892,1,'status-xml');
INSERT INTO leases VALUES(3,2,'hv01','ci001','selinux','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c813,c949','s0:c813,c949','svirt_t',0,3012,NULL,NULL,1764042456250,2127,1,'status-xml');
INSERT INTO leases VALUES(4,2,'hv01','ci001','dac','+107:+107','+107:+107',NULL,NULL,0,3012,NULL,NULL,1764042456250,2127,1,'status-xml');
INSERT INTO leases VALUES(5,3,'hv01','ldap003','selinux','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c420,c531','s0:c420,c531','svirt_t',0,3074,NULL,NULL,NULL,NULL,1,'status-xml');
INSERT INTO leases VALUES(6,3,'hv01','ldap003','dac','+107:+107','+107:+107',NULL,NULL,0,3074,NULL,NULL,NULL,NULL,1,'status-xml');
INSERT INTO leases VALUES(7,4,'hv01','web004','selinux','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:svirt_image_t:s0:c645,c776','s0:c645,c776','svirt_t',0,3088,NULL,NULL,1764042452084,1627,1,'status-xml');
INSERT INTO leases VALUES(8,4,'hv01','web004','dac','+107:+107','+107:+107',NULL,NULL,0,3088,NULL,NULL,1764042452084,1627,1,'status-xml');
INSERT INTO leases VALUES(9,5,'hv01','cache005','selinux','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:svirt_image_t:s0:c495,c500','s0:c495,c500','svirt_t',0,6299,1764042446993,1024,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(10,5,'hv01','cache005','dac','+107:+107','+107:+107',NULL,NULL,0,6299,1764042446993,1025,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(11,6,'hv01','mail006','selinux','system_u:system_r:svirt_t:s0:c788,c796','system_u:object_r:svirt_image_t:s0:c788,c796','s0:c788,c796','svirt_t',0,7270,1764042447555,1095,1764042449845,1375,1,'audit');
INSERT INTO leases VALUES(12,6,'hv01','mail006','dac','+107:+107','+107:+107',NULL,NULL,0,7270,1764042447555,1096,1764042449845,1375,1,'audit');
INSERT INTO leases VALUES(13,7,'hv01','vpn007','selinux','system_u:system_r:svirt_t:s0:c761,c876','system_u:object_r:svirt_image_t:s0:c761,c876','s0:c761,c876','svirt_t',0,8783,1764042448245,1189,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(14,7,'hv01','vpn007','dac','+107:+107','+107:+107',NULL,NULL,0,8783,1764042448245,1190,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(15,8,'hv01','cache008','selinux','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:svirt_image_t:s0:c20,c350','s0:c20,c350','svirt_t',0,8865,1764042448288,1203,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(16,8,'hv01','cache008','dac','+107:+107','+107:+107',NULL,NULL,0,8865,1764042448288,1204,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(17,9,'hv01','web009','selinux','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:svirt_image_t:s0:c527,c852','s0:c527,c852','svirt_t',0,13590,1764042451037,1509,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(18,9,'hv01','web009','dac','+107:+107','+107:+107',NULL,NULL,0,13590,1764042451037,1510,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(19,10,'hv01','db010','selinux','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c813,c949','s0:c813,c949','svirt_t',1,15637,1764042452387,1659,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(20,10,'hv01','db010','dac','+107:+107','+107:+107',NULL,NULL,0,15637,1764042452387,1660,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(21,11,'hv01','dns011','selinux','system_u:system_r:svirt_t:s0:c192,c755','system_u:object_r:svirt_image_t:s0:c192,c755','s0:c192,c755','svirt_t',0,23396,1764042456369,2137,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(22,11,'hv01','dns011','dac','+107:+107','+107:+107',NULL,NULL,0,23396,1764042456369,2138,NULL,NULL,1,'audit');
CREATE TABLE guest_resources (
    id             INTEGER PRIMARY KEY,
    audit_event_id INTEGER NOT NULL REFERENCES audit_events(id),
    node           TEXT    NOT NULL,
    time_ms        INTEGER NOT NULL,
    uuid           TEXT,
    vm             TEXT,
    lease_id       INTEGER REFERENCES leases(id),
    resource       TEXT    NOT NULL,
    reason         TEXT,
    old_value      TEXT,
    new_value      TEXT,
    success        INTEGER NOT NULL
);
INSERT INTO guest_resources VALUES(1,17,'hv01',1764042446993,'c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005',9,'disk','start','?','/var/lib/libvirt/images/cache005.qcow2',1);
INSERT INTO guest_resources VALUES(2,18,'hv01',1764042446993,'c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005',9,'net','start','?','52:54:00:73:4a:b4',1);
INSERT INTO guest_resources VALUES(3,19,'hv01',1764042446993,'c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005',9,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(4,20,'hv01',1764042446993,'c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005',9,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(5,26,'hv01',1764042447555,'29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006',11,'disk','start','?','/var/lib/libvirt/images/mail006.qcow2',1);
INSERT INTO guest_resources VALUES(6,27,'hv01',1764042447555,'29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006',11,'net','start','?','52:54:00:08:e2:ae',1);
INSERT INTO guest_resources VALUES(7,28,'hv01',1764042447555,'29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006',11,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(8,29,'hv01',1764042447555,'29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006',11,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(9,40,'hv01',1764042448245,'904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007',13,'disk','start','?','/var/lib/libvirt/images/vpn007.qcow2',1);
INSERT INTO guest_resources VALUES(10,41,'hv01',1764042448245,'904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007',13,'net','start','?','52:54:00:fa:61:a4',1);
INSERT INTO guest_resources VALUES(11,42,'hv01',1764042448245,'904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007',13,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(12,43,'hv01',1764042448245,'904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007',13,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(13,48,'hv01',1764042448288,'29e42f63-2367-7174-a302-66c1f845a62b','cache008',15,'disk','start','?','/var/lib/libvirt/images/cache008.qcow2',1);
INSERT INTO guest_resources VALUES(14,49,'hv01',1764042448288,'29e42f63-2367-7174-a302-66c1f845a62b','cache008',15,'net','start','?','52:54:00:14:e1:f5',1);
INSERT INTO guest_resources VALUES(15,50,'hv01',1764042448288,'29e42f63-2367-7174-a302-66c1f845a62b','cache008',15,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(16,51,'hv01',1764042448288,'29e42f63-2367-7174-a302-66c1f845a62b','cache008',15,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(17,68,'hv01',1764042451037,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009',17,'disk','start','?','/var/lib/libvirt/images/web009.qcow2',1);
INSERT INTO guest_resources VALUES(18,69,'hv01',1764042451037,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009',17,'net','start','?','52:54:00:9e:cb:a1',1);
INSERT INTO guest_resources VALUES(19,70,'hv01',1764042451037,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009',17,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(20,71,'hv01',1764042451037,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009',17,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(21,83,'hv01',1764042452387,'6641f7cc-3d89-a764-db48-3e5a6c212283','db010',19,'disk','start','?','/var/lib/libvirt/images/db010.qcow2',1);
INSERT INTO guest_resources VALUES(22,84,'hv01',1764042452387,'6641f7cc-3d89-a764-db48-3e5a6c212283','db010',19,'net','start','?','52:54:00:7b:c1:13',1);
INSERT INTO guest_resources VALUES(23,85,'hv01',1764042452387,'6641f7cc-3d89-a764-db48-3e5a6c212283','db010',19,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(24,86,'hv01',1764042452387,'6641f7cc-3d89-a764-db48-3e5a6c212283','db010',19,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(25,122,'hv01',1764042456369,'28dca2d3-c52e-a112-4ade-d4daf572617b','dns011',21,'disk','start','?','/var/lib/libvirt/images/dns011.qcow2',1);
INSERT INTO guest_resources VALUES(26,123,'hv01',1764042456369,'28dca2d3-c52e-a112-4ade-d4daf572617b','dns011',21,'net','start','?','52:54:00:38:a3:49',1);
INSERT INTO guest_resources VALUES(27,124,'hv01',1764042456369,'28dca2d3-c52e-a112-4ade-d4daf572617b','dns011',21,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(28,125,'hv01',1764042456369,'28dca2d3-c52e-a112-4ade-d4daf572617b','dns011',21,'vcpu','start','0','2',1);
CREATE TABLE events (
    id             INTEGER PRIMARY KEY,
    audit_event_id INTEGER REFERENCES audit_events(id),
    node           TEXT    NOT NULL,
    time_ms        INTEGER,                    -- NULL: bootstrap from status XML
    serial         INTEGER,
    kind           TEXT    NOT NULL,
    vm             TEXT,
    uuid           TEXT,
    label          TEXT,
    detail         TEXT    NOT NULL            -- JSON object
);
INSERT INTO events VALUES(1,NULL,'hv01',NULL,NULL,'domain-start','build002','6f03675a-6b0d-11e2-3d9c-8d111738f7d9','system_u:system_r:svirt_tcg_t:s0:c495,c500','{"pid":3034,"bootstrap":true,"static":false,"status_file":"/work/main/tools/sample/run/build002.xml"}');
INSERT INTO events VALUES(2,NULL,'hv01',NULL,NULL,'domain-start','ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','system_u:system_r:svirt_t:s0:c813,c949','{"pid":3012,"bootstrap":true,"static":false,"status_file":"/work/main/tools/sample/run/ci001.xml"}');
INSERT INTO events VALUES(3,NULL,'hv01',NULL,NULL,'domain-start','ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','system_u:system_r:svirt_t:s0:c420,c531','{"pid":3074,"bootstrap":true,"static":false,"status_file":"/work/main/tools/sample/run/ldap003.xml"}');
INSERT INTO events VALUES(4,NULL,'hv01',NULL,NULL,'domain-start','web004','0becd7b0-8e81-dbc4-2217-6b4c4a23d596','system_u:system_r:svirt_t:s0:c645,c776','{"pid":3088,"bootstrap":true,"static":false,"status_file":"/work/main/tools/sample/run/web004.xml"}');
INSERT INTO events VALUES(5,7,'hv01',1764042445736,892,'domain-stop','build002','6f03675a-6b0d-11e2-3d9c-8d111738f7d9',NULL,'{"reason":"shutdown","success":true}');
INSERT INTO events VALUES(6,21,'hv01',1764042446993,1030,'domain-start','cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','system_u:system_r:svirt_t:s0:c495,c500','{"pid":6299,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(7,22,'hv01',1764042447094,1041,'boolean-change',NULL,NULL,NULL,'{"boolean":"virt_use_fusefs","value":1,"old_value":0,"auid":1000,"user":null,"exe":"/usr/sbin/setsebool"}');
INSERT INTO events VALUES(8,30,'hv01',1764042447555,1101,'domain-start','mail006','29858691-0eb7-d513-b9fa-4b24fa811b6d','system_u:system_r:svirt_t:s0:c788,c796','{"pid":7270,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(9,37,'hv01',1764042448098,1174,'boolean-change',NULL,NULL,NULL,'{"boolean":"virt_use_usb","value":1,"old_value":0,"auid":1000,"user":null,"exe":"/usr/sbin/setsebool"}');
INSERT INTO events VALUES(10,44,'hv01',1764042448245,1195,'domain-start','vpn007','904b96d0-43b1-1bda-a525-f4ec7d26ff92','system_u:system_r:svirt_t:s0:c761,c876','{"pid":8783,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(11,52,'hv01',1764042448288,1209,'domain-start','cache008','29e42f63-2367-7174-a302-66c1f845a62b','system_u:system_r:svirt_t:s0:c20,c350','{"pid":8865,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(12,60,'hv01',1764042449845,1375,'domain-stop','mail006','29858691-0eb7-d513-b9fa-4b24fa811b6d',NULL,'{"reason":"crashed","success":true}');
INSERT INTO events VALUES(13,72,'hv01',1764042451037,1515,'domain-start','web009','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','system_u:system_r:svirt_t:s0:c527,c852','{"pid":13590,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(14,78,'hv01',1764042452084,1627,'domain-stop','web004','0becd7b0-8e81-dbc4-2217-6b4c4a23d596',NULL,'{"reason":"crashed","success":true}');
INSERT INTO events VALUES(15,87,'hv01',1764042452387,1665,'domain-start','db010','6641f7cc-3d89-a764-db48-3e5a6c212283','system_u:system_r:svirt_t:s0:c813,c949','{"pid":15637,"bootstrap":false,"static":true,"reason":"booted"}');
INSERT INTO events VALUES(16,87,'hv01',1764042452387,1665,'label-collision','db010','6641f7cc-3d89-a764-db48-3e5a6c212283','s0:c813,c949','{"vms":["ci001","db010"],"uuids":["128b2f33-d23f-892f-1818-95315d9dc9f8","6641f7cc-3d89-a764-db48-3e5a6c212283"]}');
INSERT INTO events VALUES(17,114,'hv01',1764042455554,2047,'enforcing-change',NULL,NULL,NULL,'{"enforcing":0,"old_enforcing":1,"auid":1000,"user":null,"exe":"/usr/sbin/setenforce"}');
INSERT INTO events VALUES(18,119,'hv01',1764042456250,2127,'domain-stop','ci001','128b2f33-d23f-892f-1818-95315d9dc9f8',NULL,'{"reason":"shutdown","success":true}');
INSERT INTO events VALUES(19,126,'hv01',1764042456369,2143,'domain-start','dns011','28dca2d3-c52e-a112-4ade-d4daf572617b','system_u:system_r:svirt_t:s0:c192,c755','{"pid":23396,"bootstrap":false,"static":false,"reason":"booted"}');
CREATE TABLE parse_errors (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER REFERENCES sources(id),
    path        TEXT    NOT NULL,
    line        INTEGER NOT NULL,
    byte_offset INTEGER,
    reason      TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    stage       TEXT    NOT NULL, overflow INTEGER NOT NULL DEFAULT 0,          -- reader (a line or record) | decoder (a field of a kept event)
    UNIQUE (source_id, line, reason)
);
CREATE TABLE pair_totals (
    source_key  TEXT    NOT NULL,
    target_key  TEXT    NOT NULL,
    source_vm   TEXT,
    target_vm   TEXT,
    kinds       TEXT    NOT NULL,
    count       INTEGER NOT NULL,
    first_ms    INTEGER NOT NULL,
    last_ms     INTEGER NOT NULL,
    perms       TEXT    NOT NULL,
    tclasses    TEXT    NOT NULL,
    nodes       TEXT    NOT NULL,
    permissive  INTEGER NOT NULL,
    sample_path TEXT,
    PRIMARY KEY (source_key, target_key)
) WITHOUT ROWID;
INSERT INTO pair_totals VALUES('0becd7b0-8e81-dbc4-2217-6b4c4a23d596','128b2f33-d23f-892f-1818-95315d9dc9f8','web004','ci001','cross-guest',2,1764042446792,1764042448875,'read,write','blk_file,file','hv01',0,'/dev/mapper/vg0-ci001');
INSERT INTO pair_totals VALUES('128b2f33-d23f-892f-1818-95315d9dc9f8','29e42f63-2367-7174-a302-66c1f845a62b','ci001','cache008','cross-guest',1,1764042452828,1764042452828,'read','file','hv01',0,'/var/lib/libvirt/images/cache008.qcow2');
INSERT INTO pair_totals VALUES('29e42f63-2367-7174-a302-66c1f845a62b','128b2f33-d23f-892f-1818-95315d9dc9f8','cache008','ci001','cross-guest',1,1764042448950,1764042448950,'open','blk_file','hv01',0,'/dev/mapper/vg0-ci001');
INSERT INTO pair_totals VALUES('29e42f63-2367-7174-a302-66c1f845a62b','128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283','cache008','ci001','cross-guest',2,1764042455089,1764042455755,'read,sigkill','file,process','hv01',1,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO pair_totals VALUES('39263059-a170-a09f-953f-0fd6f29d0da9','128b2f33-d23f-892f-1818-95315d9dc9f8','ldap003','ci001','cross-guest',1,1764042445261,1764042445261,'read','file','hv01',0,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO pair_totals VALUES('39263059-a170-a09f-953f-0fd6f29d0da9','128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283','ldap003','ci001','cross-guest',1,1764042453897,1764042453897,'open,read,write','file','hv01',0,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO pair_totals VALUES('39263059-a170-a09f-953f-0fd6f29d0da9','6f03675a-6b0d-11e2-3d9c-8d111738f7d9','ldap003','build002','cross-guest',1,1764042445584,1764042445584,'read','file','hv01',0,'/var/lib/libvirt/images/build002.qcow2');
INSERT INTO pair_totals VALUES('6641f7cc-3d89-a764-db48-3e5a6c212283','39263059-a170-a09f-953f-0fd6f29d0da9','db010','ldap003','cross-guest',2,1764042454368,1764042454907,'read,write','file','hv01',0,'/var/lib/libvirt/images/ldap003.qcow2');
INSERT INTO pair_totals VALUES('6641f7cc-3d89-a764-db48-3e5a6c212283','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','db010','web009','cross-guest',1,1764042455098,1764042455098,'signal','process','hv01',0,NULL);
INSERT INTO pair_totals VALUES('6641f7cc-3d89-a764-db48-3e5a6c212283','c6cfbfe5-11a3-cf40-cc63-3173a261621f','db010','cache005','cross-guest',1,1764042455465,1764042455465,'read','file','hv01',0,'/var/lib/libvirt/images/cache005.qcow2');
INSERT INTO pair_totals VALUES('904b96d0-43b1-1bda-a525-f4ec7d26ff92','29e42f63-2367-7174-a302-66c1f845a62b','vpn007','cache008','cross-guest',1,1764042452352,1764042452352,'ptrace','process','hv01',0,NULL);
INSERT INTO pair_totals VALUES('c57579e0-56c1-d3b5-b43f-ae63b75e1ede','c6cfbfe5-11a3-cf40-cc63-3173a261621f','web009','cache005','cross-guest',1,1764042451829,1764042451829,'open,read,write','file','hv01',0,'/var/lib/libvirt/images/cache005.qcow2');
INSERT INTO pair_totals VALUES('c6cfbfe5-11a3-cf40-cc63-3173a261621f','904b96d0-43b1-1bda-a525-f4ec7d26ff92','cache005','vpn007','cross-guest',1,1764042454960,1764042454960,'read,write','file','hv01',0,'/var/lib/libvirt/images/vpn007.qcow2');
INSERT INTO pair_totals VALUES('c6cfbfe5-11a3-cf40-cc63-3173a261621f','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','cache005','web009','cross-guest',1,1764042453700,1764042453700,'open','file','hv01',0,'/var/lib/libvirt/images/web009.qcow2');
INSERT INTO pair_totals VALUES('label:s0:c208,c337','128b2f33-d23f-892f-1818-95315d9dc9f8',NULL,'ci001','unknown-source',1,1764042446894,1764042446894,'open,read','file','hv01',0,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO pair_totals VALUES('label:s0:c21,c52','128b2f33-d23f-892f-1818-95315d9dc9f8',NULL,'ci001','unknown-source',1,1764042447861,1764042447861,'read','file','hv01',0,'/var/lib/libvirt/images/ci001.qcow2');
CREATE TABLE daily_totals (
    day     INTEGER NOT NULL,              -- days since 1970-01-01
    node    TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    count   INTEGER NOT NULL,
    last_ms INTEGER NOT NULL,
    PRIMARY KEY (day, node, kind)
) WITHOUT ROWID;
INSERT INTO daily_totals VALUES(20417,'hv01','cross-guest',17,1764042455755);
INSERT INTO daily_totals VALUES(20417,'hv01','guest-host',3,1764042455724);
INSERT INTO daily_totals VALUES(20417,'hv01','host-other',33,1764042457708);
INSERT INTO daily_totals VALUES(20417,'hv01','needs-boolean',14,1764042457631);
INSERT INTO daily_totals VALUES(20417,'hv01','shared-content-write',2,1764042456677);
INSERT INTO daily_totals VALUES(20417,'hv01','stale-image',5,1764042457496);
INSERT INTO daily_totals VALUES(20417,'hv01','unknown-source',2,1764042447861);
CREATE TABLE node_activity (
    node    TEXT    PRIMARY KEY,
    events  INTEGER NOT NULL,
    last_ms INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO node_activity VALUES('hv01',132,1764042457708);
CREATE TABLE alerts (
    id         INTEGER PRIMARY KEY,
    alert_id   TEXT    NOT NULL,
    time_ms    INTEGER NOT NULL,
    severity   TEXT    NOT NULL,
    rule       TEXT    NOT NULL,
    kind       TEXT    NOT NULL,
    node       TEXT    NOT NULL,
    json       TEXT    NOT NULL
);
CREATE TABLE alert_deliveries (
    alert      INTEGER NOT NULL REFERENCES alerts(id),
    sink       TEXT    NOT NULL,
    state      TEXT    NOT NULL,              -- pending | delivered | failed
    attempts   INTEGER NOT NULL DEFAULT 0,
    last_error TEXT, owner TEXT,
    PRIMARY KEY (alert, sink)
) WITHOUT ROWID;
CREATE TABLE parse_error_counts (
    source_key INTEGER NOT NULL,            -- sources.id, 0 for problems outside any source
    reason     TEXT    NOT NULL,
    stage      TEXT    NOT NULL,
    kept       INTEGER NOT NULL DEFAULT 0,  -- rows in parse_errors with overflow = 0
    counted    INTEGER NOT NULL DEFAULT 0,  -- past the cap: counted, not kept
    PRIMARY KEY (source_key, reason, stage)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS "alert_windows_unowned" (
    key   TEXT PRIMARY KEY,
    value TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE strings (
    id   INTEGER PRIMARY KEY,
    text TEXT    NOT NULL UNIQUE
);
INSERT INTO strings VALUES(1,'system_u:system_r:ntpd_t:s0');
INSERT INTO strings VALUES(2,'system_u:object_r:tmp_t:s0');
INSERT INTO strings VALUES(3,'ntpd_t');
INSERT INTO strings VALUES(4,'tmp_t');
INSERT INTO strings VALUES(5,'s0');
INSERT INTO strings VALUES(6,'chronyd');
INSERT INTO strings VALUES(7,'/usr/sbin/chronyd');
INSERT INTO strings VALUES(8,'/');
INSERT INTO strings VALUES(9,'/tmp/drift');
INSERT INTO strings VALUES(10,'system_u:system_r:svirt_t:s0:c420,c531');
INSERT INTO strings VALUES(11,'system_u:object_r:svirt_image_t:s0:c813,c949');
INSERT INTO strings VALUES(12,'svirt_t');
INSERT INTO strings VALUES(13,'svirt_image_t');
INSERT INTO strings VALUES(14,'s0:c420,c531');
INSERT INTO strings VALUES(15,'s0:c813,c949');
INSERT INTO strings VALUES(16,'qemu-system-x86');
INSERT INTO strings VALUES(17,'/usr/bin/qemu-system-x86_64');
INSERT INTO strings VALUES(18,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO strings VALUES(19,'/usr/bin/qemu-system-x86_64 -name guest=ldap003');
INSERT INTO strings VALUES(20,'ldap003');
INSERT INTO strings VALUES(21,'39263059-a170-a09f-953f-0fd6f29d0da9');
INSERT INTO strings VALUES(22,'ci001');
INSERT INTO strings VALUES(23,'128b2f33-d23f-892f-1818-95315d9dc9f8');
INSERT INTO strings VALUES(24,'system_u:system_r:svirt_tcg_t:s0:c495,c500');
INSERT INTO strings VALUES(25,'system_u:object_r:nfs_t:s0');
INSERT INTO strings VALUES(26,'svirt_tcg_t');
INSERT INTO strings VALUES(27,'nfs_t');
INSERT INTO strings VALUES(28,'s0:c495,c500');
INSERT INTO strings VALUES(29,'/mnt/nfs/images/shared.iso');
INSERT INTO strings VALUES(30,'/usr/bin/qemu-system-x86_64 -name guest=build002');
INSERT INTO strings VALUES(31,'build002');
INSERT INTO strings VALUES(32,'6f03675a-6b0d-11e2-3d9c-8d111738f7d9');
INSERT INTO strings VALUES(33,'system_u:system_r:cockpit_ws_t:s0');
INSERT INTO strings VALUES(34,'system_u:system_r:init_t:s0');
INSERT INTO strings VALUES(35,'cockpit_ws_t');
INSERT INTO strings VALUES(36,'init_t');
INSERT INTO strings VALUES(37,'system_u:object_r:svirt_image_t:s0:c495,c500');
INSERT INTO strings VALUES(38,'/var/lib/libvirt/images/build002.qcow2');
INSERT INTO strings VALUES(39,'system_u:system_r:svirt_t:s0:c813,c949');
INSERT INTO strings VALUES(40,'system_u:object_r:cifs_t:s0');
INSERT INTO strings VALUES(41,'cifs_t');
INSERT INTO strings VALUES(42,'/mnt/smb/iso/tools.iso');
INSERT INTO strings VALUES(43,'/usr/bin/qemu-system-x86_64 -name guest=ci001');
INSERT INTO strings VALUES(44,'system_u:object_r:sysfs_t:s0');
INSERT INTO strings VALUES(45,'sysfs_t');
INSERT INTO strings VALUES(46,'/sys/bus/pci/devices/0000:03:00.0/config');
INSERT INTO strings VALUES(47,'system_u:system_r:svirt_t:s0:c645,c776');
INSERT INTO strings VALUES(48,'s0:c645,c776');
INSERT INTO strings VALUES(49,'/usr/bin/qemu-system-x86_64 -name guest=web004');
INSERT INTO strings VALUES(50,'web004');
INSERT INTO strings VALUES(51,'0becd7b0-8e81-dbc4-2217-6b4c4a23d596');
INSERT INTO strings VALUES(52,'system_u:system_r:svirt_t:s0:c208,c337');
INSERT INTO strings VALUES(53,'s0:c208,c337');
INSERT INTO strings VALUES(54,'/usr/bin/qemu-system-x86_64 -name guest=unknown');
INSERT INTO strings VALUES(55,'label:s0:c208,c337');
INSERT INTO strings VALUES(56,'system_u:object_r:virt_content_t:s0');
INSERT INTO strings VALUES(57,'virt_content_t');
INSERT INTO strings VALUES(58,'/var/lib/libvirt/images/retired.qcow2');
INSERT INTO strings VALUES(59,'system_u:system_r:sshd_t:s0');
INSERT INTO strings VALUES(60,'system_u:object_r:var_t:s0');
INSERT INTO strings VALUES(61,'sshd_t');
INSERT INTO strings VALUES(62,'var_t');
INSERT INTO strings VALUES(63,'sshd');
INSERT INTO strings VALUES(64,'/usr/sbin/sshd');
INSERT INTO strings VALUES(65,'/var/custom');
INSERT INTO strings VALUES(66,'system_u:system_r:svirt_t:s0:c21,c52');
INSERT INTO strings VALUES(67,'s0:c21,c52');
INSERT INTO strings VALUES(68,'label:s0:c21,c52');
INSERT INTO strings VALUES(69,'system_u:system_r:svirt_t:s0:c495,c500');
INSERT INTO strings VALUES(70,'/usr/bin/qemu-system-x86_64 -name guest=cache005');
INSERT INTO strings VALUES(71,'cache005');
INSERT INTO strings VALUES(72,'c6cfbfe5-11a3-cf40-cc63-3173a261621f');
INSERT INTO strings VALUES(73,'system_u:system_r:svirt_t:s0:c788,c796');
INSERT INTO strings VALUES(74,'s0:c788,c796');
INSERT INTO strings VALUES(75,'/usr/bin/qemu-system-x86_64 -name guest=mail006');
INSERT INTO strings VALUES(76,'mail006');
INSERT INTO strings VALUES(77,'29858691-0eb7-d513-b9fa-4b24fa811b6d');
INSERT INTO strings VALUES(78,'/dev/mapper/vg0-ci001');
INSERT INTO strings VALUES(79,'system_u:object_r:usb_device_t:s0');
INSERT INTO strings VALUES(80,'usb_device_t');
INSERT INTO strings VALUES(81,'/dev/bus/usb/001/004');
INSERT INTO strings VALUES(82,'system_u:system_r:svirt_t:s0:c20,c350');
INSERT INTO strings VALUES(83,'s0:c20,c350');
INSERT INTO strings VALUES(84,'/usr/bin/qemu-system-x86_64 -name guest=cache008');
INSERT INTO strings VALUES(85,'cache008');
INSERT INTO strings VALUES(86,'29e42f63-2367-7174-a302-66c1f845a62b');
INSERT INTO strings VALUES(87,'system_u:object_r:fusefs_t:s0');
INSERT INTO strings VALUES(88,'fusefs_t');
INSERT INTO strings VALUES(89,'/mnt/fuse/disk.raw');
INSERT INTO strings VALUES(90,'system_u:system_r:svirt_t:s0:c527,c852');
INSERT INTO strings VALUES(91,'s0:c527,c852');
INSERT INTO strings VALUES(92,'/var/lib/libvirt/images/cache005.qcow2');
INSERT INTO strings VALUES(93,'/usr/bin/qemu-system-x86_64 -name guest=web009');
INSERT INTO strings VALUES(94,'web009');
INSERT INTO strings VALUES(95,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede');
INSERT INTO strings VALUES(96,'system_u:system_r:httpd_t:s0');
INSERT INTO strings VALUES(97,'system_u:object_r:user_home_t:s0');
INSERT INTO strings VALUES(98,'httpd_t');
INSERT INTO strings VALUES(99,'user_home_t');
INSERT INTO strings VALUES(100,'httpd');
INSERT INTO strings VALUES(101,'/usr/sbin/httpd');
INSERT INTO strings VALUES(102,'/home/www/index.html');
INSERT INTO strings VALUES(103,'system_u:system_r:svirt_t:s0:c761,c876');
INSERT INTO strings VALUES(104,'s0:c761,c876');
INSERT INTO strings VALUES(105,'/usr/bin/qemu-system-x86_64 -name guest=vpn007');
INSERT INTO strings VALUES(106,'vpn007');
INSERT INTO strings VALUES(107,'904b96d0-43b1-1bda-a525-f4ec7d26ff92');
INSERT INTO strings VALUES(108,'system_u:object_r:svirt_image_t:s0:c20,c350');
INSERT INTO strings VALUES(109,'/var/lib/libvirt/images/cache008.qcow2');
INSERT INTO strings VALUES(110,'system_u:object_r:svirt_content_t:s0');
INSERT INTO strings VALUES(111,'svirt_content_t');
INSERT INTO strings VALUES(112,'/var/lib/libvirt/images/install.iso');
INSERT INTO strings VALUES(113,'system_u:object_r:svirt_image_t:s0:c527,c852');
INSERT INTO strings VALUES(114,'/var/lib/libvirt/images/web009.qcow2');
INSERT INTO strings VALUES(115,'system_u:object_r:shadow_t:s0');
INSERT INTO strings VALUES(116,'shadow_t');
INSERT INTO strings VALUES(117,'/etc/shadow');
INSERT INTO strings VALUES(118,'128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283');
INSERT INTO strings VALUES(119,'system_u:object_r:svirt_image_t:s0:c420,c531');
INSERT INTO strings VALUES(120,'/var/lib/libvirt/images/ldap003.qcow2');
INSERT INTO strings VALUES(121,'/usr/bin/qemu-system-x86_64 -name guest=db010');
INSERT INTO strings VALUES(122,'db010');
INSERT INTO strings VALUES(123,'6641f7cc-3d89-a764-db48-3e5a6c212283');
INSERT INTO strings VALUES(124,'system_u:object_r:fixed_disk_t:s0');
INSERT INTO strings VALUES(125,'fixed_disk_t');
INSERT INTO strings VALUES(126,'/dev/sdb');
INSERT INTO strings VALUES(127,'system_u:object_r:svirt_image_t:s0:c761,c876');
INSERT INTO strings VALUES(128,'/var/lib/libvirt/images/vpn007.qcow2');
INSERT INTO strings VALUES(129,'system_u:object_r:tty_device_t:s0');
INSERT INTO strings VALUES(130,'tty_device_t');
INSERT INTO strings VALUES(131,'/dev/ttyS1');
INSERT INTO strings VALUES(132,'system_u:system_r:svirt_t:s0:c192,c755');
INSERT INTO strings VALUES(133,'s0:c192,c755');
INSERT INTO strings VALUES(134,'/usr/bin/qemu-system-x86_64 -name guest=dns011');
INSERT INTO strings VALUES(135,'dns011');
INSERT INTO strings VALUES(136,'28dca2d3-c52e-a112-4ade-d4daf572617b');
CREATE TABLE evidence_blocks (
    id     INTEGER PRIMARY KEY,
    events INTEGER NOT NULL,                   -- stored events that point into it: 0 once pruned
    length INTEGER NOT NULL,                   -- bytes once decompressed
    data   BLOB    NOT NULL                    -- one zstd frame: per record 'LINE TYPE RAW' and a newline
);
INSERT INTO evidence_blocks VALUES(1,132,95541,X'28b52ffda0357501002d1301fa6a913830e08846441dc40c847e910aa896681b96349b24946db25f0effee52ac06397196ec26bb893e4a7c00c630c6188f1113020e0479033403699dcf10418cc619fa2f6aac703a9bff72bf0a7bf3e1d2d2f239d3f3f4f0120d294a380b29313116e8799e78ca59dab70b9b656ec8d78ce5687c67f4743bf2498a4663c2bbfbc5f3bdf3ec9756bfcc030018693d928443302a72201691e455439e7d77ca11cfab44e0ba43287318d16c731ac48c8a20902461114918101a6a8234480ca32135eb91381a93c4381ac922f280991e5104b2580b981e512431c3c3f785b31770e001070d38a0b0e0e001050e909865279adeea72e22676638dfadeb38434d1f010cd94228238aded8bfa6632fbc2b868780000028ca261448bc79a12049887524d8200b3160d63921a0d8d94243cd683c6c3414810472512c4518c24358a296244cb6301c2c214391e3c8d674a34f1181539a4e4d4242d9528140aa64500e6b19cc55a24d28aa6c772341e055024c80016288ec6f4405a6aad07a4303c1acc7a1ae8b12646942814cdb3a01a0dd35a30cb11616290160cd262413196040086415a2489768f62cf6212428238ea9c511124c17346458e643920d9177c5d788001040648f4ef806969a9acc0cfdb78fdbdf912c4484c8c85f57366ae7e36b87c12c4b07d12ec2bc383c67eda902245ad47d32065af2f79ca77c8b4b4b43e5656e005a99dbdbcdd6cb6bc808f19f00234d3e46cb09c9ede0b70012f6b677f672fc0ed05bc7c8d778da4edccf8dcf812d262681651627a44112752249c4891783491bbb33be585042372da8e415a49db4990c590b49db639ec0f632be8ed5eff4990e78ba1594497fb2430d46731699916a6471491526f371142e359807266d1c31e01020159ac05689b6ad643d3976374bb83f237036ec0d8cec90d90013f23673740ececed06c82cc5144d4fe3e160b08003051c2838f0400192e383312a9a1a8dc7634556648c035a70344fb28002061e70a0016639224c6bd1301a89d962c644967a341a892a9b9d314b351689d9a22026b254a286f6cc520d4694702ca684318b35450938505080041c282840627c484824300ac2b300010a0b10a090fc1e0e5028208c003011d60346010e444a3022474a3c2448228159112c6949c9018bd160048089304d1083b4206925c6a8882131464590641f9b5f1f955111a43946450e47728cb458539418934d8266e60c36c972d3a8943dbf986b92e72108822088b126c943305314c14a1a0c4692d6f340a4a4171985a279a40852b2d2cccc1ea6e1792cb080020508120041e27b30664522498a168fe54896228218496a148ec5b43c16a66729c0694c8949cbb4a01c1363792c9085c59aa408123345b02646e39112cf3f7ba6c1889204432c540213592a4998a0e8a11298b5681849828ac0683c1a9e0466b1683c097a26a32247923c1a50d280644dd10342c28024512b622c9524cb136992e5803f5ff24e59555453ee0bc0142948c330488b44e1000a98e58830250a075090f4069b4f024307b95975e81e66045a3608ed6b4473222219425d8f9e86b7b8dfde81d3d252819f8f17d82eb6adadad3536bbf252afddd8fe35f65b631bde828b8aff6b7afbdeabda6bbeab36cbf1d240e8aed7aef6ecdafe2438c6872046d5cf5208b1b80da251ce21ce494598e277d4becd188ec8fbddb28a8abb22676f9f9ebafa3d8d83f6676a4fcf9120da778bbf29dea7877db79c9be2a777d8b4b45c764e3e4ece4e333c44c6ceebfc477e07b5c1e4756c9d6ff99cffc8c9778b9f29cec9f666799fc7f6cff6fe78f8c74ec3cdcedb6cdf8fe78bfddf6ccf8ff7688fef98f9ed98f92dd4feef8eb84f82433bb3c6cc6fbd5b8e5d69c73b4b6ddd3ccbecb3c4befbdcc35788a1b3bcbe4366b7bbbb5b2c59e9be3b283b67673fdfa96eaeb573f39d6a905483247d6b9b72e774547c7778448f26d220e13deba2314990a741fad66654e4481a9e47b324bbbbc59197efacb10fefcc0eef168f77ab59702d6ebe78d778c778c7df4f02f756ecdc7903293a8a68a0771079ab10ed2c43dcb3af3fb299226a16fb76cbee2a8d777667866b96766777dc40fcb822f40d9eaba71d634d8cc6b3303da2c8669fad5a8f685a8f7bbb05739546bb3b5c9a65333337d8e5eced06ab8dfdcc6d66bb00cd14b8013760e4e56cede5ecfbc70259508b11418cc6c380300a70205282113992a2d17096342d29ed6ef996ed31757bd9b83b27ad08c7f78764a4252566768a26b2a0148de418451349246849106861499085e911451845a3e124cb01a7768bbe294d80061424a0b04000051a34e080c28282020692bdff47566b6a341c47c3d21988e389401c4f04e27822dfb8d76fc82cd6020161311263166bb1580b6775964697ecc56cd15d7013986931a6c59816a317c26224090824300fa4482194a2313d9ae9811429e67948ebc10a0f18c00108183ca04fa3da4e004bdb0960933d020823522c89512cd558302ca208a6073ae4636cb22f11c9cf8330851e443677885d90033dfcacd96a789a2781594414ed96fc57588105060d28908082020690fdc080bb1b30031e0033e0dd733dcff3cee366f551ed3c4df398b8bc77e79df92470c3f734ed3cceb35bf4ddce0f9a9696c8cbdd8ddeee96efcfdf43bd749bbb9f04abdceceaee6c760b7e2bdcd8ae7f8b8ddde9dbe74a35b98a8c9da6c69dbeff8b3b763bf766264c315bd21633b384b49e28b254227a1c0909e224a408123bafb32e74fe38ce3e903a4b11a40f69fb79d8b55fe374b5cfb4cf85ec9975ddbdbda139be9bdf62d64a9e7dea7af6db77ae27aee7aa39b4a67c3d8eeaad27e3f3f7aab97fdf92c84aaead6767a77f2667e766a7df41e660a372cd4e89b91f53a16826891171dff29e4a6e27f72d9ba9e476aae99fa636f40a2d4839ffeae7f9cad6b738ba82ebcfb71cb7a5b2f32d8afc9de9ccb71caa82ee9dbcd78dc98d99db9879cb3d8b83ac8d69678ecac634c6c64c473c7cb8d9950857472194bb41bcab443c4f43a7cc76e6a85fbea53d15dcc63c745a5a32606bee456f373d65cd3ece2ee7ec723125693d8d878391a44691defe348fc9b1cbb7e0a6828b7978ccd6e4c7446cb25535b521e47cd54337e3ede45bf84fc1fd4bfe55898d3eea30a20f11a18fa310e7cb11e6b47a96636ae62c088d7c8bba29b87b7950b6d6d6767ed5434c40800021b1168d867dfd6d5abbc97df22dd7a2d1b0f05812646ac8cb57552ca6062582a51891639a1af41ed3d44c8b018f6f797de5f02d0f7f6a69f6ab9669e90f21f2c39d79bf9f96b79b886bbff9bfb73cba72cb69e9ee8897deeec8ee889d8a8eb61ca8e146fdadf3123b15796f3157e556ddd1bd91f9db1bd91b1b3f2174542dab46f17ae3e71f3a7e9ee7dec28acaa9f7ed2db8a6dc3ee36fdeda33ea3b63ba335eb338cfb21edb198f9dd16e9d11d79f048dbbd4bab5ed24af0601a53a88755221eee145d8fadedee7cd9c05e16d6fe934e5569d95f51643566c59312d91df10d112cf12d7aefff34ea38f59e2fbeaffdde92dada8d8fe232e23f62a2326232ae5349bdfaac888beeda6b7d89e627b8c6887a8b96f886e880db26205ada60d3131cff3f396fb57de10df7f0db1416a1ecf76deb2eacaef75ded2e6a9879adf6b886da99f5812044a4c8cc5b5b5524df3bbfe90d959ad1342f3501e489162cb5b164f79f63bf8f99d2fbb7b9bf3348f3dd07387b8edaf96b8ec6e8fb7d8bee2e66cce6cae6689334b38122421419c4464a93557f36d0c7dcfb8e9547466f647c3b3e04890ef5457b377bcc5f2cffcd0fb128fe570348b4464a9f336efe5f6c6ac71f6bb171e289c364dbd338b1e843144d4f1966d57bc73fdf29573b361d64dfc6fb5c7f0edc35b4c53f15df6ef5be7dbdedb85965b8b1eebede6ade2ad05888b5b2bcdbd873dece53667c3debf5e6cd6bd03316497dbadd97bb8cfc3fd74c4e592f99a7b779593b993d7ba6631abbba563232efcaa34efe1f2d2329b01ab2d2ff3b12a2baff9e287a13747790f97bdf7fb8cb8f4aad2cadbdd9bde769ab999b990a9ad051dd48d997b38f4fc6f3f5cba59e1cb5cbb5cdcfeb75cb7dc6e14821e769eb6dcc3a91afae192cb0a277f26e62ddedeedeb92cde2697a7b2631fed66f77fb49807f4e1f632fd4285588a51a45e05d8358b80f2215368f723c93189d87cb732a7cebd03fead55eee23fcfc1010be23a04485c884d0713c464510c8e1628b0ae7edb9e172e79aaf8aaf969bf88af8ca9d88b73659ad86f90e5f0fd72029be7227721b2eebadec7feedae7aebdd389a9d0e1dcb5f74c76ce365c765bd9d783f7bbe21bf3fbbe3ff9fcf2cb4b7dd7c369a3e95a1b2e8aadecbb1e2ccd9693b11b3033035ed69560fee16f730ed49c4ab91e8e91d6632129106a299c86b19205a56824c63030a2e7d180182b590e68355c7457d985c0000e1438806041410103499eabee1a3a4a551b1b6fafa9e1b2accaae2e1a2ec6a92cb6fb23bfaa2954fd4fba3f360c8648fa5bfc4dd96d64657f5629533753643f5685227ac01049f97fcbbb29bb7dacbccfcafba8428dd38d651b3fe6b5dbe1dff2cdc67af0ebefd6446429ebd5e755075abe9e5c9dc9ab11a609ef192188304db7dc99b2cdabacab9ab9bbababaaabfb7463a81a4c5df53ebfedfe5b8c1f7511f7700d17931b65feac417fdbc7b9fffcb7b4bda27eab7dab98697cab7bab8f7a9e550f74b97aab699dbf6f6ec87f0bbe2b9ab7eafab76cb6a2a87a976678788e921291a52ed552a163a59a53d0b25bea0329520b6a451041cffda88e92f8fe16c555b42dd51b554db11b951bf5dddf394835b8f4f16dd4b56ccd77ffb7bf055d156dd483e5a525b23662de5a33a22ea2fea1e3fb3cea4e1155efda37cd1c8d52f82dcea9e8a2f2bb1eaadb29aa6af77a64db66cd7daf557dfd966b537475d154d134d1349703392f74eeacf553d1548f4d31fd967e47537b3373f54d3cd37a7ff7d7de85fe2ce821c6cc5d7f080dd5341c27273754d32025fa2d97aee4faeb7e3ab7e97fea2b3edda01a3ff6c9ff67a7af7e7d7ecb752b0188a7a894b2e301a99ec7388835118181001000a316483048080a1d069a248af6140003002a242c302026142c3018121210140a140a0e08080484814018181492cd42b1c03022a86aa23eb070256fb39ed55e38ab1d5c55f045943c824cb2fd7f6c3a0b8d6c896c91ecb09b11ad435eab485906260cca4e81a24c00d17358a705e66e89377033ba6c68b807f9897105c1555c88001b49b4cb062784413a51f6e7af997d56e85320edbe277e9a17f6c3892ceae42a852a6a6d782fc51f4493b59c5e8e6bca728f10c5c105535a47c9315d406b701dc9c43662ee009252735a39a6057ff893de676a384e3cd2f72cbf7c2b7ae1a3a357ae12eb0456467036479eb37528912bf7a96d43a1ef4db727e9a7f2922322f415506e854c64858612c2845520e14f42ceae0fa0fdd59449864005ac9c58f0d41c93f47ad87816a6c8eaabc456d086716ae997f46b06ab4cf6d935b819c986bd38c4ca12a2ccb9b3f599441e437a39651446dd5eddb51cd1e1cb6a925cf45456839f1f352d16a14e11e3d327a384b432417910643cc42b8dbeba92473cc75a3b0bda14f495e64f7f3e58ee994826f941cd3e88dc5a58988be55aa59095f49dbcc4c8004ca585614e180c7da74abc4ba9e5db55ac705163e7fb11111e15959629741471b5f95eeb41494aac510daa7c67c18bb7b1c29976f1c0ae0df93e9895a752ac60b97818698bccf83e5ba2ac7db031e71288ef904c1f4140c6dcc738a15f2e72ce8e11fe85da47408098f719d1d563252e5809d6d3eaa1e1cd42a3a16af86e2825a82e6a243281f8526342ac3824e17509ea4de4bcb3ea73877ef5f4c013870fda2753eee7f882dba124442f407715ec3a861bdd23777ff12dbe58432cf150a89854004e0f202fb0eb55588bed09bf5045d930b42006a14e920c703392ef28c6491482a8b9b13162f030d919a6070912970b4c8371fe4b44860c59ac0a8f6c9a62b65e09d0a342182b270fa257bff87134082737982c7626d842be8770c606479961dac115bda6f5042d7fe4a14ba33e54f72578c94c1081da5d8f3687b591263492e801da1c8310944e42fcd06d2766a02bf12037bc284049737a1968ee87e5d2d3bdcf86a765a0c30e2ba07427df12d06148d088a1ab5984f63119e8620203dd7252a6ab7838a1f2c240379d90862731d0c447db472a0b4323be86bf25759f4142131c23b523832ee3773789f0e184c06b5e836df2dfd2b47da2214af912eff8ae89fe6019cc67c4ba75a25245620534a90235302d834e9417044494d978ad2dba6ef452aac5828b1e4b5d09b424fb67661c728ff7fa290bb9a97f1a9b31c47037349135f10cb9a99497905b433af2dee57417612dc8ef38a6732d7c738482d2b908db6d549933a62a02a10eb76af3ee180479100c377f42e6bb4744a6ce1f7c5bf6d71917973b80c03240a8319c3f080ceb9bee817fdd34e596352f28beca71f914dc15281f7825fb1fb01224d5b64d73c0b5fe1eb42346f8f5ce81d290bb5f783475377566021eff89394a60a9384c1d16be144db95b71072283435d74ff5984920b050992319362c1faa4caa0a2f1665b771d1410bce1bc3a783238195fe92b2345dcab82a7cb3215a41b434d55764d844a726546518287a1a3fe018d7b5fb8e310649fa88f2112aa50a2d02d6ba8fea2d2add3a4d5b40d7e62a25249cf61c51fb52b9e66049dedcf3c03f6e16e54060477bc553c87a7785a0d95ccae481faa4b41f3f51dc92dd275ebaf8d98878aa90aebe8a3f9d138d12e1b37f937f984dec53bec6a877d8ae5134d8c5b2e603b46c90ffa7da9b8e9312485aac92d4d2d21dcf0df2b14e8906b7065b749a666b13f038620603f5271a04fd728be57b4431c7c5e0938a9681e0eb6fc7d3e52af6e5612f701fb52f9f0a82e8854cb9f5401c29eded8fc7f79d69a884f1dc69d520b74bea28b28318217feedb1c1303496d1385f440ee6e14521d9d383dd12162e29ac403721e0464b05070eaffa4641c6f119825d93fd293d0a8b295629eabc2ab4e0b86c717bd43d6aa239b59be7aa2a1c25d05dad5e594fc811bee70605282ec8cd5698eb7f5a1c7edc03dc347c27a304b83ba6bd87c992031b4248b48db4a76465c1b6c5fe20f09fd2841275f640354ec87b1a63fbd39fd2a0215aa4fe8927fb14d6ffe848081b66329b3c76da64192921dcebf7fa0120972133f60f9eea6f799c7712694087d9f6534a5966af6e29322903b7e2d106070a6e2a586a840043306a8cd2efc995e0a591cbe248aa6f953f7aa64af74384c16fb8dfaa32158237516e35c0037927f788e32d09a3b9058b34bb79faeca931c04eba03b1b1501fd16e901625c9c7f67179e51ddc1591b8b1fa48e64f773e5ead97581f9cf38a7c45cad51e55ccbc7d8dbe295eacbd031f02a479a79ae5e3c6950e741fe85f2f304a2d290a8e30e38bf9640e7de9aab7676ce25f43ae1aa820d6ee3434d1f9c6e49a0c2b6229d9fd5b487aa04548990250ad884ebf6a471dca7cfcb69275eedd5f9eebf6a7991693177d54eefd7a29c626e217bc1f3d0239d5179d6859123600b1571ad8bee0eff8600773400627d158510a48093e923b873f0123f6dccfeb845d8b9dacec99f94410110ceb52a6e4068d22ee6245c3a68039228d920e683066794fa8d33202347e93f64b964d68d759ed9534776a58a31613aeff2bd6caad862082df2cd945253272d8057a0f580ccc25ffd6954643ac75d440e3f20c33d7b8a430c2921c35609368c0ab2f27f3cb8c6ce84af9e9380f0a97c41f8523661e1dcd5fc086a6819bc2aadfe8f0b591b6c36cae7d43c9013f07011d12a54c8da2f808459f140170a32a4cbc60bfcc53b9c94e8ea2d0a01c27533a9c1b060bc02e476d25889d394e4a1fdc25743b46aa2f00fd05ea96a372cacc8a91058d8bbb02c7ac1cf15522496df8ed19c41ab11caf04ff37a6a5336e6407c232173bf292dc9578f0ab9f4549c395ec7783b8c89cab67d3837745e17b1a576baf8bbd4ad1b7ff1130082c41d3012d41bda3025217f81edf06315bd00d3258a8588de9bc47630576e0730817f65c4849a6ebc4ede719dab3c339e459b82e43cb43aa5836980ee24accdc510a68045dd2d9a06bb88a6fa08b1376153d3db593037a77e8e5b27729ea78e1aac30258d189206831890179550efca43e5718eb3ee4b96b5ea98688243c467d62a1f58c4d82d831393330b71a7f76e7b34a4d68c78e88b1c86faa00f8cd71c87925164056705dc29035852ebde41ae3ad21e2e441cd90c1a5e28f8db30412cf9e5d361fcc5a36cd80287bc569db85ed2a693bbe833f389f870595898dd7dd140bf0da898307d6d73bff4752301ec8fba1ddbb5187ff91838f980c70f8d9bbb36025b713fc16b7a10ca9bebfe50b1e8f488da95eb3586264909ebf03f4ad63e68caf55fb03fc0868b44773476eaea5ffbd0920daac1d8518057d88dc1648b96f1d2e709b4991c7c55a5e57cbd06786f3890896e4be5123c18a0fca05d09320fb2859b84453815b63e3873d42e3803608109692c02318568745485793e815bd23aa34dbf5c2f6e2c67e6b69d8d30f044793ead13129c5066b066dd01506a5851ae188a49d377ff92381620b42c1f1b027563391b754e30ec0ca21a88f7ea44ce56109337f4bbb25a72fd7e6db2f4d78f6c4b0534bf50ddb2ab6d8133e6fca8a34e60dd1d040ce78140e12266b23fdcca1760a1566264ee1cf43b24515fef3172329e4ee7659221ce60a6b60e55c4a4c35f62c3c2a06948a851905f80ab7bebcd336242367e193c2eeb528e01d85a29307df6e47ba9dfdf743c5d45a1e321ced86fc43c591f229efa078d92498f8188c156537b556b4651ad88ddde403be9f4517c583f8a0f8ee6d22085ed7007c4269b5c4fb55e43f6d620dc33ab584dcf96abb047e0ab00f81c482b05a451ef647ca9de533abec8342ad4536fc41c8ac41af2835e9bae28401fbeae07f03b9cc425a4119fb1fda8b04dec3a3c17358c5be40ae8486906ba9b0c87e1e2a313d91ab35fe569f40dbd7777803ea2c713e0fe77dfc31cadf43e3420fff330565967b070b2b4adb517a4a5855bf2a47043f6bd110560ee288c0c52ee74373c3b42bd58fc83c3aea10e25f10689461015135976833945857983211096b960d0cb33a714c599a7de1da99d8b244118b14bf6bd68395c01a11a517f3d5ea7d6b5c59ee4cf05029e6332b85f1890dc3db3b3e9d9dea4c3741c54191a358762d834da3619582610470859aaab01c01580b12db306bc0b6c55ef338cb5ead0d831e6d75b0cd41c14294354cded4aa9a655811e98e5574f94883bb613881c1f2de2256f4e093a079788c7479ee147ec155900361518e170f0444de3a444a0ecf5356566421f28627b9e3534c1b02944991d81cf72a6cf8403641d5bae63c7f17eb68ae540f7f29e50c43a941289314420e605b496dcab792986c798c9613bf16622302f392e2c5a28de2dcdf0402490e9521c6feaccedaf7ada1c56c080cd7a287fffd10f75795089b61cc9e1c41b5247a96435de0fa3acdaea04ab19919ead49f4877561a3b1c006f76c06fd542b2d2d8d365892a27e605df609d49632a99141753c998af05e9222dabf799e8699ca8b5f81c90473bcd13f612d467525ae26a9d371bddb64d26b3e88e9231b812eefe65b5f23989566a2bb534a60cff43377c2f835a488c9a771d7884384f25fa1d5a6baae015f02a04e3e0f0c73cbdfe21ba711bd62f0c35f915136c31e349c36df42d3dd9f4674d10f6f97764c6071d54befc521cd0ded2c6823bc85513269ec52138b1e6b8a548c2ee90c8c738e4e32d0f1dbdf5526b309aa071000d13ed917f33295ce1c9243c1dc7ed922ce4717ce48bd550b8c75d0e13a50339acbaf229f5deae1783616c80542872f8ebf89e0e250d3eeb8dccf02ee092b48e26496474186bd70288e8076bd4e24caa3ee65eeeb6973bb34c7230b4b06a5210a7b4d6e8c1d0deb1d23225398b219a085580f3c9810079481c9fd71418fe46ce59866403850e60c9fa3359c112c21a5198497268529131b587cf5d18faeb3e0f88ff7126259213eeb74917d9f8dc6645f65a982a83046f7709db80fa96c339a001078b50613409db3663eb064fffa62897ac36791945c783e82d3f023569a1de823963d95e203e7ea39df8d68d284c2777570c1c296b3a92433595564a24e6b72d8717610d13b64415e8d7cce6bc3fb67cf2c100f6e88792c59d20fbc8ee18859c5df91bfbcc0b3813fdbf0b24dae1245d14a43c3522540c3ca10a9d150883a9189235a93156dc42101ed847e98881e4a06cb258e0421f2ec266bcf41852911e889e220b6b42308f91b54335e41ee1eeb860fdad0b86048e4cc4623689528a157d99a6c1be785b655f8f1ccfc6d0a5e15567b1a5c9e703038e5444a3f143611270510487a2b0034a380b2502665936a270e1c85163a27a197627e5631748e305f2fed340a2219ae590e431a5195f11448e5e813a407204c18c74498d5e14c53a080be03aa2ca81777d813cc851c441c039a69c18948cd844d883847807d11e40a023dccb7c34107ae4790fb24ac2091ce4699cb093c0fd4188a450718753ac24393616adaf14ce92a73c08439011b8626eddab490e4216f3838cad3fea634130e5bd8790c2458f47a7ba0087de0fc287a5af3a840800bd273610a0590d81e7fb4b9008018809bc70fc6649aa748153c637bbe5fa8421067e13fa7d0d5d089ea11b69dfeb64e103a586b110371aedeabb647bb9652e87282721b1676e4cd97acfb4a26713e95dd30ac802a4734d7ba65fa7215404bdbb4f25cbe73ac29dc6607ab94f8488204166c09ffc0e9df6ce495b434656bd698c2be35137bdfdc1f3cb0cbd735e7ad348f48e4226c67c093b70f39527399a38781054bff00c3c4821d585b6fc4a6e2d99ada5f199722e125640485b6e5b35f40526642dbb31f7a99456fbe08819e92ca36bee0a388273754342718787d0d46741109dbecaf7f99605a641b6360861678c691a0030eeca04a4720b37bb236f15366273b3405d165de2745b0a7e536a3162ab6780b5f494d6538aca45a9e11b5c3ec5d29bda202eca15588926402f7a9ef930745f0448c55d684f1d9d1b03707c7941c37019c5c6a4cb20f363c2075338188f3173c4337f784b266b100c5e8bd9879a8a6f48478731a09d65297b8a30fb459362074338f7c237c1a846093901f6e5d60be1bb0210c0d4b77506be20d1f76c425d302f0c013e1d0f8f7ef1d6427e561c8b01c03648dce0e9a79b856cf94299396f78aefc2175e468b220feb35ca8954061fe00b5ea1b43d1b02185dc1ed51dff9101722305412117f4fd42259aaed0643064e731212d79885b1ab28e05764126959083324535344787d435a48e13161733d5c81c3b916503a56d8d2d3f3d655812b5c49235b2260bf4f2f0f920cc6b0230f0caf7026b02c9fa4c7ad4bf5d18a40161493675ffd2173bfa6c0e6fb53f9d219d5f7235da05a54bc8196145808a4d88abf29e87ac80d80a7c17406747e902858341781f1639938b80a95db6c4d940b4d08bb2bb8eb52045d07e78b7cdb9424f63daf995b0341ab81e1e0790e1d7455b0a02d7a550e84f4aa19a7522fedc14314bd4f3fef2574fad6e387cb67e35e5cd723687c22cdf1bd8f15f9b864852e5b9888b36acc416d9875bf8a48500fb52f835831bf5481213272c66122734860e8c0cb6cc78023943a4d02733606f874f9ee8384e8561030145889082f39ae87ddd520308e1137d8556c77520bd84a03f1aaa1a8cbd464150a5b133226cee2a7b2f2c9c3643e2370ec472415682d78b4c7c0c75d46b5955660786f0c8a3dde69e8747590bed0b6779dd1184de2c2482b50207939b9c4714c4d0208e5785961092d78f8e333124c455889a11cfc20d474af9442430590875901f3e27ec047dc00862f8c80a8c9294e940951c9bc7663dc580ef0a5e3b4f3e33b25019580437d6be459e8dc83a5f1dd11384a8053118e5bb7620f4b3040aa8920499c109464c30778ec54cf5ece06f80318819447042b6469640d501a751d711490009ecc0ca6d3876567602f9d571f1d105ec173d0cfd85f09c65666d0bf4f03411acbb28bf5e3909ca3e749fa3c0145b00e894543b1a9070bf1b1751f2de66363170b85b532893ed1ad732c018caee95e596147717aeb863abf01f5106d4020eb2461f6e4db94df43330b9adb8e1eeb2b93f01856edbfed236eb02affd64cffb41ff2710ea1db8107a4fc64aa19c8f3ec338dbf703');
CREATE TABLE denial_runs (
    id           INTEGER PRIMARY KEY,
    node         TEXT    NOT NULL,
    kind         TEXT    NOT NULL,
    boolean      TEXT,
    seresult     TEXT    NOT NULL,
    scontext     INTEGER NOT NULL REFERENCES strings(id),
    tcontext     INTEGER NOT NULL REFERENCES strings(id),
    stype        INTEGER REFERENCES strings(id),
    ttype        INTEGER REFERENCES strings(id),
    slevel       INTEGER REFERENCES strings(id),
    tlevel       INTEGER REFERENCES strings(id),
    tclass       TEXT    NOT NULL,
    perms        TEXT    NOT NULL,
    permissive   INTEGER,
    pid          INTEGER,
    comm         INTEGER REFERENCES strings(id),
    exe          INTEGER REFERENCES strings(id),
    syscall      TEXT,
    success      INTEGER,
    exit_code    INTEGER,
    uid          INTEGER,
    auid         INTEGER,
    auid_name    TEXT,
    cwd          INTEGER REFERENCES strings(id),
    path         INTEGER REFERENCES strings(id),
    proctitle    INTEGER REFERENCES strings(id),
    avc_count    INTEGER NOT NULL,
    source_count INTEGER NOT NULL DEFAULT 0,
    source_vm    INTEGER REFERENCES strings(id),
    source_uuid  INTEGER REFERENCES strings(id),
    source_key   INTEGER REFERENCES strings(id),
    target_count INTEGER NOT NULL DEFAULT 0,
    target_vm    INTEGER REFERENCES strings(id),
    target_uuid  INTEGER REFERENCES strings(id),
    target_key   INTEGER REFERENCES strings(id),
    count        INTEGER NOT NULL,
    first_ms     INTEGER NOT NULL,
    last_ms      INTEGER NOT NULL,
    first_serial INTEGER NOT NULL,
    last_serial  INTEGER NOT NULL
, reason TEXT);
INSERT INTO denial_runs VALUES(1,'hv01','host-other',NULL,'denied',1,2,3,4,5,5,'file','write',0,3382,6,7,'openat',0,-13,0,4294967295,NULL,8,9,7,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042445113,1764042445113,819,819,NULL);
INSERT INTO denial_runs VALUES(2,'hv01','cross-guest',NULL,'denied',10,11,12,13,14,15,'file','read',0,3074,16,17,'openat',0,-13,107,4294967295,NULL,8,18,19,1,1,20,21,21,1,22,23,23,1,1764042445261,1764042445261,834,834,NULL);
INSERT INTO denial_runs VALUES(3,'hv01','needs-boolean','virt_use_nfs','denied',24,25,26,27,28,5,'file','read',0,3034,16,17,'openat',0,-13,107,4294967295,NULL,8,29,30,1,1,31,32,32,0,NULL,NULL,NULL,1,1764042445413,1764042445413,857,857,NULL);
INSERT INTO denial_runs VALUES(4,'hv01','host-other',NULL,'denied',33,34,35,36,5,5,'dbus','send_msg',0,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,19,1764042445492,1764042457708,863,2296,NULL);
INSERT INTO denial_runs VALUES(5,'hv01','cross-guest',NULL,'denied',10,37,12,13,14,28,'file','read',0,3074,16,17,'openat',0,-13,107,4294967295,NULL,8,38,19,1,1,20,21,21,1,31,32,32,1,1764042445584,1764042445584,874,874,NULL);
INSERT INTO denial_runs VALUES(6,'hv01','needs-boolean','virt_use_samba','denied',39,40,12,41,15,5,'file','read open',0,3012,16,17,'openat',0,-13,107,4294967295,NULL,8,42,43,2,1,22,23,23,0,NULL,NULL,NULL,1,1764042445938,1764042445938,911,911,NULL);
INSERT INTO denial_runs VALUES(7,'hv01','needs-boolean','virt_use_sysfs','denied',39,44,12,45,15,5,'file','write',0,3012,16,17,'openat',0,-13,107,4294967295,NULL,8,46,43,1,1,22,23,23,0,NULL,NULL,NULL,1,1764042446604,1764042446604,982,982,NULL);
INSERT INTO denial_runs VALUES(8,'hv01','host-other',NULL,'denied',1,2,3,4,5,5,'file','write',0,5837,6,7,'openat',0,-13,0,4294967295,NULL,8,9,7,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042446688,1764042446688,992,992,NULL);
INSERT INTO denial_runs VALUES(9,'hv01','cross-guest',NULL,'denied',47,11,12,13,48,15,'file','read',0,3088,16,17,'openat',0,-13,107,4294967295,NULL,8,18,49,1,1,50,51,51,1,22,23,23,1,1764042446792,1764042446792,1006,1006,NULL);
INSERT INTO denial_runs VALUES(10,'hv01','unknown-source',NULL,'denied',52,11,12,13,53,15,'file','read open',0,6137,16,17,'openat',0,-13,107,4294967295,NULL,8,18,54,2,0,NULL,NULL,55,1,22,23,23,1,1764042446894,1764042446894,1013,1013,NULL);
INSERT INTO denial_runs VALUES(11,'hv01','stale-image',NULL,'denied',47,56,12,57,48,5,'file','read open',0,3088,16,17,'openat',0,-13,107,4294967295,NULL,8,58,49,2,1,50,51,51,0,NULL,NULL,NULL,1,1764042447532,1764042447532,1091,1091,NULL);
INSERT INTO denial_runs VALUES(12,'hv01','host-other',NULL,'denied',59,60,61,62,5,5,'dir','search',0,7479,63,64,'openat',0,-13,0,4294967295,NULL,8,65,64,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042447628,1764042447628,1110,1110,NULL);
INSERT INTO denial_runs VALUES(13,'hv01','needs-boolean','virt_use_samba','denied',10,40,12,41,14,5,'file','read',0,3074,16,17,'openat',0,-13,107,4294967295,NULL,8,42,19,1,1,20,21,21,0,NULL,NULL,NULL,1,1764042447630,1764042447630,1111,1111,NULL);
INSERT INTO denial_runs VALUES(14,'hv01','unknown-source',NULL,'denied',66,11,12,13,67,15,'file','read',0,7933,16,17,'openat',0,-13,107,4294967295,NULL,8,18,54,1,0,NULL,NULL,68,1,22,23,23,1,1764042447861,1764042447861,1144,1144,NULL);
INSERT INTO denial_runs VALUES(15,'hv01','host-other',NULL,'denied',1,2,3,4,5,5,'file','write',0,7992,6,7,'openat',0,-13,0,4294967295,NULL,8,9,7,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042447890,1764042447890,1146,1146,NULL);
INSERT INTO denial_runs VALUES(16,'hv01','stale-image',NULL,'denied',69,56,12,57,28,5,'file','read',0,6299,16,17,'openat',0,-13,107,4294967295,NULL,8,58,70,1,1,71,72,72,0,NULL,NULL,NULL,1,1764042448018,1764042448018,1163,1163,NULL);
INSERT INTO denial_runs VALUES(17,'hv01','stale-image',NULL,'denied',73,56,12,57,74,5,'file','read',0,7270,16,17,'openat',0,-13,107,4294967295,NULL,8,58,75,1,1,76,77,77,0,NULL,NULL,NULL,1,1764042448252,1764042448252,1200,1200,NULL);
INSERT INTO denial_runs VALUES(18,'hv01','needs-boolean','virt_use_nfs','denied',73,25,12,27,74,5,'file','read',0,7270,16,17,'openat',0,-13,107,4294967295,NULL,8,29,75,1,1,76,77,77,0,NULL,NULL,NULL,1,1764042448340,1764042448340,1217,1217,NULL);
INSERT INTO denial_runs VALUES(19,'hv01','cross-guest',NULL,'denied',47,11,12,13,48,15,'blk_file','read write',0,3088,16,17,'openat',0,-13,107,4294967295,NULL,8,78,49,1,1,50,51,51,1,22,23,23,1,1764042448875,1764042448875,1284,1284,NULL);
INSERT INTO denial_runs VALUES(20,'hv01','needs-boolean','virt_use_usb','denied',69,79,12,80,28,5,'chr_file','read write open',0,6299,16,17,'openat',0,-13,107,4294967295,NULL,8,81,70,2,1,71,72,72,0,NULL,NULL,NULL,1,1764042448930,1764042448930,1289,1289,NULL);
INSERT INTO denial_runs VALUES(21,'hv01','cross-guest',NULL,'denied',82,11,12,13,83,15,'blk_file','open',0,8865,16,17,'openat',0,-13,107,4294967295,NULL,8,78,84,2,1,85,86,86,1,22,23,23,1,1764042448950,1764042448950,1290,1290,NULL);
INSERT INTO denial_runs VALUES(22,'hv01','needs-boolean','virt_use_fusefs','denied',69,87,12,88,28,5,'file','read write',0,6299,16,17,'openat',0,-13,107,4294967295,NULL,8,89,70,1,1,71,72,72,0,NULL,NULL,NULL,1,1764042449125,1764042449125,1306,1306,NULL);
INSERT INTO denial_runs VALUES(23,'hv01','needs-boolean','virt_use_nfs','denied',82,25,12,27,83,5,'file','read',0,8865,16,17,'openat',0,-13,107,4294967295,NULL,8,29,84,1,1,85,86,86,0,NULL,NULL,NULL,1,1764042449991,1764042449991,1393,1393,NULL);
INSERT INTO denial_runs VALUES(24,'hv01','needs-boolean','virt_use_fusefs','denied',47,87,12,88,48,5,'file','read write',0,3088,16,17,'openat',0,-13,107,4294967295,NULL,8,89,49,1,1,50,51,51,0,NULL,NULL,NULL,1,1764042450150,1764042450150,1408,1408,NULL);
INSERT INTO denial_runs VALUES(25,'hv01','host-other',NULL,'denied',1,2,3,4,5,5,'file','write',0,11998,6,7,'openat',0,-13,0,4294967295,NULL,8,9,7,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042450247,1764042450247,1419,1419,NULL);
INSERT INTO denial_runs VALUES(26,'hv01','host-other',NULL,'denied',59,60,61,62,5,5,'dir','search',0,13927,63,64,'openat',0,-13,0,4294967295,NULL,8,65,64,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042451246,1764042451246,1538,1538,NULL);
INSERT INTO denial_runs VALUES(27,'hv01','host-other',NULL,'denied',1,2,3,4,5,5,'file','write',0,14372,6,7,'openat',0,-13,0,4294967295,NULL,8,9,7,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042451480,1764042451480,1562,1562,NULL);
INSERT INTO denial_runs VALUES(28,'hv01','cross-guest',NULL,'denied',90,37,12,13,91,28,'file','read write open',0,13590,16,17,'openat',0,-13,107,4294967295,NULL,8,92,93,2,1,94,95,95,1,71,72,72,1,1764042451829,1764042451829,1599,1599,NULL);
INSERT INTO denial_runs VALUES(29,'hv01','host-other',NULL,'denied',96,97,98,99,5,5,'file','getattr',0,14998,100,101,'openat',0,-13,0,4294967295,NULL,8,102,101,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042451949,1764042451949,1612,1612,NULL);
INSERT INTO denial_runs VALUES(30,'hv01','needs-boolean','virt_use_sysfs','denied',90,44,12,45,91,5,'file','write open',0,13590,16,17,'openat',0,-13,107,4294967295,NULL,8,46,93,2,1,94,95,95,0,NULL,NULL,NULL,1,1764042452196,1764042452196,1637,1637,NULL);
INSERT INTO denial_runs VALUES(31,'hv01','cross-guest',NULL,'denied',103,82,12,12,104,83,'process','ptrace',0,8783,16,17,'ptrace',0,-13,107,4294967295,NULL,NULL,NULL,105,1,1,106,107,107,1,85,86,86,1,1764042452352,1764042452352,1655,1655,NULL);
INSERT INTO denial_runs VALUES(32,'hv01','cross-guest',NULL,'denied',39,108,12,13,15,83,'file','read',0,3012,16,17,'openat',0,-13,107,4294967295,NULL,8,109,43,1,1,22,23,23,1,85,86,86,1,1764042452828,1764042452828,1706,1706,NULL);
INSERT INTO denial_runs VALUES(33,'hv01','shared-content-write',NULL,'denied',10,110,12,111,14,5,'file','write',0,3074,16,17,'openat',0,-13,107,4294967295,NULL,8,112,19,1,1,20,21,21,0,NULL,NULL,NULL,1,1764042453389,1764042453389,1767,1767,NULL);
INSERT INTO denial_runs VALUES(34,'hv01','host-other',NULL,'denied',59,60,61,62,5,5,'dir','search',0,18045,63,64,'openat',0,-13,0,4294967295,NULL,8,65,64,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042453623,1764042453623,1798,1798,NULL);
INSERT INTO denial_runs VALUES(35,'hv01','cross-guest',NULL,'denied',69,113,12,13,28,91,'file','open',0,6299,16,17,'openat',0,-13,107,4294967295,NULL,8,114,70,1,1,71,72,72,1,94,95,95,1,1764042453700,1764042453700,1808,1808,NULL);
INSERT INTO denial_runs VALUES(36,'hv01','host-other',NULL,'denied',1,2,3,4,5,5,'file','write',0,18494,6,7,'openat',0,-13,0,4294967295,NULL,8,9,7,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042453771,1764042453771,1817,1817,NULL);
INSERT INTO denial_runs VALUES(37,'hv01','guest-host',NULL,'denied',39,115,12,116,15,5,'file','read open',0,3012,16,17,'openat',0,-13,107,4294967295,NULL,8,117,43,2,1,22,23,23,0,NULL,NULL,NULL,1,1764042453831,1764042453831,1823,1823,NULL);
INSERT INTO denial_runs VALUES(38,'hv01','cross-guest',NULL,'denied',10,11,12,13,14,15,'file','read write open',0,3074,16,17,'openat',0,-13,107,4294967295,NULL,8,18,19,2,1,20,21,21,2,22,23,118,1,1764042453897,1764042453897,1832,1832,NULL);
INSERT INTO denial_runs VALUES(39,'hv01','needs-boolean','virt_use_nfs','denied',10,25,12,27,14,5,'file','read',0,3074,16,17,'openat',0,-13,107,4294967295,NULL,8,29,19,1,1,20,21,21,0,NULL,NULL,NULL,1,1764042454071,1764042454071,1858,1858,NULL);
INSERT INTO denial_runs VALUES(40,'hv01','cross-guest',NULL,'denied',39,119,12,13,15,14,'file','read write',0,15637,16,17,'openat',0,-13,107,4294967295,NULL,8,120,121,1,1,122,123,123,1,20,21,21,2,1764042454368,1764042454907,1898,1969,NULL);
INSERT INTO denial_runs VALUES(41,'hv01','host-other',NULL,'denied',59,60,61,62,5,5,'dir','search',0,19889,63,64,'openat',0,-13,0,4294967295,NULL,8,65,64,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042454482,1764042454482,1909,1909,NULL);
INSERT INTO denial_runs VALUES(42,'hv01','guest-host',NULL,'denied',90,124,12,125,91,5,'blk_file','read write',0,13590,16,17,'openat',0,-13,107,4294967295,NULL,8,126,93,1,1,94,95,95,0,NULL,NULL,NULL,1,1764042454524,1764042454524,1916,1916,NULL);
INSERT INTO denial_runs VALUES(43,'hv01','host-other',NULL,'denied',59,60,61,62,5,5,'dir','search',0,20809,63,64,'openat',0,-13,0,4294967295,NULL,8,65,64,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042454892,1764042454892,1968,1968,NULL);
INSERT INTO denial_runs VALUES(44,'hv01','cross-guest',NULL,'denied',69,127,12,13,28,104,'file','read write',0,6299,16,17,'openat',0,-13,107,4294967295,NULL,8,128,70,1,1,71,72,72,1,106,107,107,1,1764042454960,1764042454960,1977,1977,NULL);
INSERT INTO denial_runs VALUES(45,'hv01','needs-boolean','virt_use_comm','denied',82,129,12,130,83,5,'chr_file','read write',0,8865,16,17,'openat',0,-13,107,4294967295,NULL,8,131,84,1,1,85,86,86,0,NULL,NULL,NULL,1,1764042455011,1764042455011,1982,1982,NULL);
INSERT INTO denial_runs VALUES(46,'hv01','host-other',NULL,'denied',59,60,61,62,5,5,'dir','search',0,21087,63,64,'openat',0,-13,0,4294967295,NULL,8,65,64,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042455079,1764042455079,1991,1991,NULL);
INSERT INTO denial_runs VALUES(47,'hv01','cross-guest',NULL,'denied',82,39,12,12,83,15,'process','sigkill',0,8865,16,17,'kill',0,-13,107,4294967295,NULL,NULL,NULL,84,1,1,85,86,86,2,22,23,118,1,1764042455089,1764042455089,1993,1993,NULL);
INSERT INTO denial_runs VALUES(48,'hv01','cross-guest',NULL,'denied',39,90,12,12,15,91,'process','signal',0,15637,16,17,'kill',0,-13,107,4294967295,NULL,NULL,NULL,121,1,1,122,123,123,1,94,95,95,1,1764042455098,1764042455098,1998,1998,NULL);
INSERT INTO denial_runs VALUES(49,'hv01','cross-guest',NULL,'denied',39,37,12,13,15,28,'file','read',0,15637,16,17,'openat',0,-13,107,4294967295,NULL,8,92,121,1,1,122,123,123,1,71,72,72,1,1764042455465,1764042455465,2040,2040,NULL);
INSERT INTO denial_runs VALUES(50,'hv01','guest-host',NULL,'denied',82,115,12,116,83,5,'file','read',1,8865,16,17,'openat',1,3,107,4294967295,NULL,8,117,84,1,1,85,86,86,0,NULL,NULL,NULL,1,1764042455724,1764042455724,2070,2070,NULL);
INSERT INTO denial_runs VALUES(51,'hv01','cross-guest',NULL,'denied',82,11,12,13,83,15,'file','read',1,8865,16,17,'openat',1,3,107,4294967295,NULL,8,18,84,1,1,85,86,86,2,22,23,118,1,1764042455755,1764042455755,2073,2073,NULL);
INSERT INTO denial_runs VALUES(52,'hv01','host-other',NULL,'denied',59,60,61,62,5,5,'dir','search',1,22376,63,64,'openat',0,-13,0,4294967295,NULL,8,65,64,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL,1,1764042455785,1764042455785,2076,2076,NULL);
INSERT INTO denial_runs VALUES(53,'hv01','stale-image',NULL,'denied',82,56,12,57,83,5,'file','read',1,8865,16,17,'openat',1,3,107,4294967295,NULL,8,58,84,1,1,85,86,86,0,NULL,NULL,NULL,1,1764042456653,1764042456653,2182,2182,NULL);
INSERT INTO denial_runs VALUES(54,'hv01','shared-content-write',NULL,'denied',39,110,12,111,15,5,'file','write',1,15637,16,17,'openat',1,3,107,4294967295,NULL,8,112,121,1,1,122,123,123,0,NULL,NULL,NULL,1,1764042456677,1764042456677,2187,2187,NULL);
INSERT INTO denial_runs VALUES(55,'hv01','needs-boolean','virt_use_usb','denied',132,79,12,80,133,5,'chr_file','read write',1,23396,16,17,'openat',1,3,107,4294967295,NULL,8,81,134,1,1,135,136,136,0,NULL,NULL,NULL,1,1764042457457,1764042457457,2269,2269,NULL);
INSERT INTO denial_runs VALUES(56,'hv01','stale-image',NULL,'denied',132,56,12,57,133,5,'file','read',1,23396,16,17,'openat',1,3,107,4294967295,NULL,8,58,134,1,1,135,136,136,0,NULL,NULL,NULL,1,1764042457496,1764042457496,2272,2272,NULL);
INSERT INTO denial_runs VALUES(57,'hv01','needs-boolean','virt_use_sysfs','denied',69,44,12,45,28,5,'file','write open',1,6299,16,17,'openat',1,3,107,4294967295,NULL,8,46,70,2,1,71,72,72,0,NULL,NULL,NULL,1,1764042457631,1764042457631,2283,2283,NULL);
CREATE TABLE run_parties (
    run_id   INTEGER NOT NULL REFERENCES denial_runs(id),
    side     TEXT    NOT NULL,                 -- source | target
    lease_id INTEGER NOT NULL REFERENCES leases(id),
    PRIMARY KEY (run_id, side, lease_id)
) WITHOUT ROWID;
INSERT INTO run_parties VALUES(3,'source',1);
INSERT INTO run_parties VALUES(5,'target',1);
INSERT INTO run_parties VALUES(6,'source',3);
INSERT INTO run_parties VALUES(7,'source',3);
INSERT INTO run_parties VALUES(32,'source',3);
INSERT INTO run_parties VALUES(37,'source',3);
INSERT INTO run_parties VALUES(2,'target',3);
INSERT INTO run_parties VALUES(9,'target',3);
INSERT INTO run_parties VALUES(10,'target',3);
INSERT INTO run_parties VALUES(14,'target',3);
INSERT INTO run_parties VALUES(19,'target',3);
INSERT INTO run_parties VALUES(21,'target',3);
INSERT INTO run_parties VALUES(38,'target',3);
INSERT INTO run_parties VALUES(47,'target',3);
INSERT INTO run_parties VALUES(51,'target',3);
INSERT INTO run_parties VALUES(2,'source',5);
INSERT INTO run_parties VALUES(5,'source',5);
INSERT INTO run_parties VALUES(13,'source',5);
INSERT INTO run_parties VALUES(33,'source',5);
INSERT INTO run_parties VALUES(38,'source',5);
INSERT INTO run_parties VALUES(39,'source',5);
INSERT INTO run_parties VALUES(40,'target',5);
INSERT INTO run_parties VALUES(9,'source',7);
INSERT INTO run_parties VALUES(11,'source',7);
INSERT INTO run_parties VALUES(19,'source',7);
INSERT INTO run_parties VALUES(24,'source',7);
INSERT INTO run_parties VALUES(16,'source',9);
INSERT INTO run_parties VALUES(20,'source',9);
INSERT INTO run_parties VALUES(22,'source',9);
INSERT INTO run_parties VALUES(35,'source',9);
INSERT INTO run_parties VALUES(44,'source',9);
INSERT INTO run_parties VALUES(57,'source',9);
INSERT INTO run_parties VALUES(28,'target',9);
INSERT INTO run_parties VALUES(49,'target',9);
INSERT INTO run_parties VALUES(17,'source',11);
INSERT INTO run_parties VALUES(18,'source',11);
INSERT INTO run_parties VALUES(31,'source',13);
INSERT INTO run_parties VALUES(44,'target',13);
INSERT INTO run_parties VALUES(21,'source',15);
INSERT INTO run_parties VALUES(23,'source',15);
INSERT INTO run_parties VALUES(45,'source',15);
INSERT INTO run_parties VALUES(47,'source',15);
INSERT INTO run_parties VALUES(50,'source',15);
INSERT INTO run_parties VALUES(51,'source',15);
INSERT INTO run_parties VALUES(53,'source',15);
INSERT INTO run_parties VALUES(31,'target',15);
INSERT INTO run_parties VALUES(32,'target',15);
INSERT INTO run_parties VALUES(28,'source',17);
INSERT INTO run_parties VALUES(30,'source',17);
INSERT INTO run_parties VALUES(42,'source',17);
INSERT INTO run_parties VALUES(35,'target',17);
INSERT INTO run_parties VALUES(48,'target',17);
INSERT INTO run_parties VALUES(40,'source',19);
INSERT INTO run_parties VALUES(48,'source',19);
INSERT INTO run_parties VALUES(49,'source',19);
INSERT INTO run_parties VALUES(54,'source',19);
INSERT INTO run_parties VALUES(38,'target',19);
INSERT INTO run_parties VALUES(47,'target',19);
INSERT INTO run_parties VALUES(51,'target',19);
INSERT INTO run_parties VALUES(55,'source',21);
INSERT INTO run_parties VALUES(56,'source',21);
CREATE TABLE coverage_marks (
    id          INTEGER PRIMARY KEY,
    node        TEXT    NOT NULL,
    kind        TEXT    NOT NULL,              -- system-boot | status-xml | unseen-stop | unseen-start
    time_ms     INTEGER,
    serial      INTEGER,
    vm          TEXT,
    uuid        TEXT,
    gap_kind    TEXT,                          -- unseen-stop, unseen-start: node-start | at | NULL (no anchor before it)
    gap_ms      INTEGER,
    gap_serial  INTEGER
);
INSERT INTO coverage_marks VALUES(1,'hv01','status-xml',NULL,NULL,NULL,NULL,NULL,NULL,NULL);
CREATE TABLE alert_windows (
    owner TEXT NOT NULL,
    key   TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (owner, key)
) WITHOUT ROWID;
CREATE TABLE fleet_outbox (
    seq     INTEGER PRIMARY KEY AUTOINCREMENT,
    tbl     TEXT    NOT NULL,
    key     ANY     NOT NULL,
    deleted INTEGER NOT NULL,
    UNIQUE (tbl, key)
) STRICT;
INSERT INTO fleet_outbox VALUES(1,'guests',1,0);
INSERT INTO fleet_outbox VALUES(4,'events',1,0);
INSERT INTO fleet_outbox VALUES(5,'guests',2,0);
INSERT INTO fleet_outbox VALUES(8,'events',2,0);
INSERT INTO fleet_outbox VALUES(9,'guests',3,0);
INSERT INTO fleet_outbox VALUES(10,'leases',5,0);
INSERT INTO fleet_outbox VALUES(11,'leases',6,0);
INSERT INTO fleet_outbox VALUES(12,'events',3,0);
INSERT INTO fleet_outbox VALUES(13,'guests',4,0);
INSERT INTO fleet_outbox VALUES(16,'events',4,0);
INSERT INTO fleet_outbox VALUES(17,'coverage_marks',1,0);
INSERT INTO fleet_outbox VALUES(19,'strings',1,0);
INSERT INTO fleet_outbox VALUES(20,'strings',2,0);
INSERT INTO fleet_outbox VALUES(21,'strings',3,0);
INSERT INTO fleet_outbox VALUES(22,'strings',4,0);
INSERT INTO fleet_outbox VALUES(23,'strings',5,0);
INSERT INTO fleet_outbox VALUES(24,'strings',6,0);
INSERT INTO fleet_outbox VALUES(25,'strings',7,0);
INSERT INTO fleet_outbox VALUES(26,'strings',8,0);
INSERT INTO fleet_outbox VALUES(27,'strings',9,0);
INSERT INTO fleet_outbox VALUES(28,'denial_runs',1,0);
INSERT INTO fleet_outbox VALUES(29,'audit_events',1,0);
INSERT INTO fleet_outbox VALUES(30,'strings',10,0);
INSERT INTO fleet_outbox VALUES(31,'strings',11,0);
INSERT INTO fleet_outbox VALUES(32,'strings',12,0);
INSERT INTO fleet_outbox VALUES(33,'strings',13,0);
INSERT INTO fleet_outbox VALUES(34,'strings',14,0);
INSERT INTO fleet_outbox VALUES(35,'strings',15,0);
INSERT INTO fleet_outbox VALUES(36,'strings',16,0);
INSERT INTO fleet_outbox VALUES(37,'strings',17,0);
INSERT INTO fleet_outbox VALUES(38,'strings',18,0);
INSERT INTO fleet_outbox VALUES(39,'strings',19,0);
INSERT INTO fleet_outbox VALUES(40,'strings',20,0);
INSERT INTO fleet_outbox VALUES(41,'strings',21,0);
INSERT INTO fleet_outbox VALUES(42,'strings',22,0);
INSERT INTO fleet_outbox VALUES(43,'strings',23,0);
INSERT INTO fleet_outbox VALUES(44,'denial_runs',2,0);
INSERT INTO fleet_outbox VALUES(45,'run_parties','[2,"source",5]',0);
INSERT INTO fleet_outbox VALUES(46,'run_parties','[2,"target",3]',0);
INSERT INTO fleet_outbox VALUES(47,'audit_events',2,0);
INSERT INTO fleet_outbox VALUES(48,'strings',24,0);
INSERT INTO fleet_outbox VALUES(49,'strings',25,0);
INSERT INTO fleet_outbox VALUES(50,'strings',26,0);
INSERT INTO fleet_outbox VALUES(51,'strings',27,0);
INSERT INTO fleet_outbox VALUES(52,'strings',28,0);
INSERT INTO fleet_outbox VALUES(53,'strings',29,0);
INSERT INTO fleet_outbox VALUES(54,'strings',30,0);
INSERT INTO fleet_outbox VALUES(55,'strings',31,0);
INSERT INTO fleet_outbox VALUES(56,'strings',32,0);
INSERT INTO fleet_outbox VALUES(57,'denial_runs',3,0);
INSERT INTO fleet_outbox VALUES(58,'run_parties','[3,"source",1]',0);
INSERT INTO fleet_outbox VALUES(59,'audit_events',3,0);
INSERT INTO fleet_outbox VALUES(60,'strings',33,0);
INSERT INTO fleet_outbox VALUES(61,'strings',34,0);
INSERT INTO fleet_outbox VALUES(62,'strings',35,0);
INSERT INTO fleet_outbox VALUES(63,'strings',36,0);
INSERT INTO fleet_outbox VALUES(65,'audit_events',4,0);
INSERT INTO fleet_outbox VALUES(66,'audit_events',5,0);
INSERT INTO fleet_outbox VALUES(67,'strings',37,0);
INSERT INTO fleet_outbox VALUES(68,'strings',38,0);
INSERT INTO fleet_outbox VALUES(69,'denial_runs',5,0);
INSERT INTO fleet_outbox VALUES(70,'run_parties','[5,"source",5]',0);
INSERT INTO fleet_outbox VALUES(71,'run_parties','[5,"target",1]',0);
INSERT INTO fleet_outbox VALUES(72,'audit_events',6,0);
INSERT INTO fleet_outbox VALUES(73,'audit_events',7,0);
INSERT INTO fleet_outbox VALUES(74,'leases',1,0);
INSERT INTO fleet_outbox VALUES(75,'leases',2,0);
INSERT INTO fleet_outbox VALUES(76,'events',5,0);
INSERT INTO fleet_outbox VALUES(77,'audit_events',8,0);
INSERT INTO fleet_outbox VALUES(78,'strings',39,0);
INSERT INTO fleet_outbox VALUES(79,'strings',40,0);
INSERT INTO fleet_outbox VALUES(80,'strings',41,0);
INSERT INTO fleet_outbox VALUES(81,'strings',42,0);
INSERT INTO fleet_outbox VALUES(82,'strings',43,0);
INSERT INTO fleet_outbox VALUES(83,'denial_runs',6,0);
INSERT INTO fleet_outbox VALUES(84,'run_parties','[6,"source",3]',0);
INSERT INTO fleet_outbox VALUES(85,'audit_events',9,0);
INSERT INTO fleet_outbox VALUES(86,'audit_events',10,0);
INSERT INTO fleet_outbox VALUES(87,'strings',44,0);
INSERT INTO fleet_outbox VALUES(88,'strings',45,0);
INSERT INTO fleet_outbox VALUES(89,'strings',46,0);
INSERT INTO fleet_outbox VALUES(90,'denial_runs',7,0);
INSERT INTO fleet_outbox VALUES(91,'run_parties','[7,"source",3]',0);
INSERT INTO fleet_outbox VALUES(92,'audit_events',11,0);
INSERT INTO fleet_outbox VALUES(93,'denial_runs',8,0);
INSERT INTO fleet_outbox VALUES(94,'audit_events',12,0);
INSERT INTO fleet_outbox VALUES(95,'strings',47,0);
INSERT INTO fleet_outbox VALUES(96,'strings',48,0);
INSERT INTO fleet_outbox VALUES(97,'strings',49,0);
INSERT INTO fleet_outbox VALUES(98,'strings',50,0);
INSERT INTO fleet_outbox VALUES(99,'strings',51,0);
INSERT INTO fleet_outbox VALUES(100,'denial_runs',9,0);
INSERT INTO fleet_outbox VALUES(101,'run_parties','[9,"source",7]',0);
INSERT INTO fleet_outbox VALUES(102,'run_parties','[9,"target",3]',0);
INSERT INTO fleet_outbox VALUES(103,'audit_events',13,0);
INSERT INTO fleet_outbox VALUES(104,'strings',52,0);
INSERT INTO fleet_outbox VALUES(105,'strings',53,0);
INSERT INTO fleet_outbox VALUES(106,'strings',54,0);
INSERT INTO fleet_outbox VALUES(107,'strings',55,0);
INSERT INTO fleet_outbox VALUES(108,'denial_runs',10,0);
INSERT INTO fleet_outbox VALUES(109,'run_parties','[10,"target",3]',0);
INSERT INTO fleet_outbox VALUES(110,'audit_events',14,0);
INSERT INTO fleet_outbox VALUES(111,'audit_events',15,0);
INSERT INTO fleet_outbox VALUES(112,'guests',5,0);
INSERT INTO fleet_outbox VALUES(114,'audit_events',16,0);
INSERT INTO fleet_outbox VALUES(116,'audit_events',17,0);
INSERT INTO fleet_outbox VALUES(117,'guest_resources',1,0);
INSERT INTO fleet_outbox VALUES(118,'audit_events',18,0);
INSERT INTO fleet_outbox VALUES(119,'guest_resources',2,0);
INSERT INTO fleet_outbox VALUES(120,'audit_events',19,0);
INSERT INTO fleet_outbox VALUES(121,'guest_resources',3,0);
INSERT INTO fleet_outbox VALUES(122,'audit_events',20,0);
INSERT INTO fleet_outbox VALUES(123,'guest_resources',4,0);
INSERT INTO fleet_outbox VALUES(124,'audit_events',21,0);
INSERT INTO fleet_outbox VALUES(125,'leases',9,0);
INSERT INTO fleet_outbox VALUES(126,'leases',10,0);
INSERT INTO fleet_outbox VALUES(127,'events',6,0);
INSERT INTO fleet_outbox VALUES(128,'audit_events',22,0);
INSERT INTO fleet_outbox VALUES(129,'events',7,0);
INSERT INTO fleet_outbox VALUES(130,'strings',56,0);
INSERT INTO fleet_outbox VALUES(131,'strings',57,0);
INSERT INTO fleet_outbox VALUES(132,'strings',58,0);
INSERT INTO fleet_outbox VALUES(133,'denial_runs',11,0);
INSERT INTO fleet_outbox VALUES(134,'run_parties','[11,"source",7]',0);
INSERT INTO fleet_outbox VALUES(135,'audit_events',23,0);
INSERT INTO fleet_outbox VALUES(136,'audit_events',24,0);
INSERT INTO fleet_outbox VALUES(137,'guests',6,0);
INSERT INTO fleet_outbox VALUES(139,'audit_events',25,0);
INSERT INTO fleet_outbox VALUES(141,'audit_events',26,0);
INSERT INTO fleet_outbox VALUES(142,'guest_resources',5,0);
INSERT INTO fleet_outbox VALUES(143,'audit_events',27,0);
INSERT INTO fleet_outbox VALUES(144,'guest_resources',6,0);
INSERT INTO fleet_outbox VALUES(145,'audit_events',28,0);
INSERT INTO fleet_outbox VALUES(146,'guest_resources',7,0);
INSERT INTO fleet_outbox VALUES(147,'audit_events',29,0);
INSERT INTO fleet_outbox VALUES(148,'guest_resources',8,0);
INSERT INTO fleet_outbox VALUES(149,'audit_events',30,0);
INSERT INTO fleet_outbox VALUES(152,'events',8,0);
INSERT INTO fleet_outbox VALUES(153,'strings',59,0);
INSERT INTO fleet_outbox VALUES(154,'strings',60,0);
INSERT INTO fleet_outbox VALUES(155,'strings',61,0);
INSERT INTO fleet_outbox VALUES(156,'strings',62,0);
INSERT INTO fleet_outbox VALUES(157,'strings',63,0);
INSERT INTO fleet_outbox VALUES(158,'strings',64,0);
INSERT INTO fleet_outbox VALUES(159,'strings',65,0);
INSERT INTO fleet_outbox VALUES(160,'denial_runs',12,0);
INSERT INTO fleet_outbox VALUES(161,'audit_events',31,0);
INSERT INTO fleet_outbox VALUES(162,'denial_runs',13,0);
INSERT INTO fleet_outbox VALUES(163,'run_parties','[13,"source",5]',0);
INSERT INTO fleet_outbox VALUES(164,'audit_events',32,0);
INSERT INTO fleet_outbox VALUES(165,'strings',66,0);
INSERT INTO fleet_outbox VALUES(166,'strings',67,0);
INSERT INTO fleet_outbox VALUES(167,'strings',68,0);
INSERT INTO fleet_outbox VALUES(168,'denial_runs',14,0);
INSERT INTO fleet_outbox VALUES(169,'run_parties','[14,"target",3]',0);
INSERT INTO fleet_outbox VALUES(170,'audit_events',33,0);
INSERT INTO fleet_outbox VALUES(171,'denial_runs',15,0);
INSERT INTO fleet_outbox VALUES(172,'audit_events',34,0);
INSERT INTO fleet_outbox VALUES(173,'strings',69,0);
INSERT INTO fleet_outbox VALUES(174,'strings',70,0);
INSERT INTO fleet_outbox VALUES(175,'strings',71,0);
INSERT INTO fleet_outbox VALUES(176,'strings',72,0);
INSERT INTO fleet_outbox VALUES(177,'denial_runs',16,0);
INSERT INTO fleet_outbox VALUES(178,'run_parties','[16,"source",9]',0);
INSERT INTO fleet_outbox VALUES(179,'audit_events',35,0);
INSERT INTO fleet_outbox VALUES(180,'audit_events',36,0);
INSERT INTO fleet_outbox VALUES(181,'audit_events',37,0);
INSERT INTO fleet_outbox VALUES(182,'events',9,0);
INSERT INTO fleet_outbox VALUES(183,'audit_events',38,0);
INSERT INTO fleet_outbox VALUES(184,'guests',7,0);
INSERT INTO fleet_outbox VALUES(186,'audit_events',39,0);
INSERT INTO fleet_outbox VALUES(188,'audit_events',40,0);
INSERT INTO fleet_outbox VALUES(189,'guest_resources',9,0);
INSERT INTO fleet_outbox VALUES(190,'audit_events',41,0);
INSERT INTO fleet_outbox VALUES(191,'guest_resources',10,0);
INSERT INTO fleet_outbox VALUES(192,'audit_events',42,0);
INSERT INTO fleet_outbox VALUES(193,'guest_resources',11,0);
INSERT INTO fleet_outbox VALUES(194,'audit_events',43,0);
INSERT INTO fleet_outbox VALUES(195,'guest_resources',12,0);
INSERT INTO fleet_outbox VALUES(196,'audit_events',44,0);
INSERT INTO fleet_outbox VALUES(197,'leases',13,0);
INSERT INTO fleet_outbox VALUES(198,'leases',14,0);
INSERT INTO fleet_outbox VALUES(199,'events',10,0);
INSERT INTO fleet_outbox VALUES(200,'strings',73,0);
INSERT INTO fleet_outbox VALUES(201,'strings',74,0);
INSERT INTO fleet_outbox VALUES(202,'strings',75,0);
INSERT INTO fleet_outbox VALUES(203,'strings',76,0);
INSERT INTO fleet_outbox VALUES(204,'strings',77,0);
INSERT INTO fleet_outbox VALUES(205,'denial_runs',17,0);
INSERT INTO fleet_outbox VALUES(206,'run_parties','[17,"source",11]',0);
INSERT INTO fleet_outbox VALUES(207,'audit_events',45,0);
INSERT INTO fleet_outbox VALUES(208,'audit_events',46,0);
INSERT INTO fleet_outbox VALUES(209,'guests',8,0);
INSERT INTO fleet_outbox VALUES(211,'audit_events',47,0);
INSERT INTO fleet_outbox VALUES(213,'audit_events',48,0);
INSERT INTO fleet_outbox VALUES(214,'guest_resources',13,0);
INSERT INTO fleet_outbox VALUES(215,'audit_events',49,0);
INSERT INTO fleet_outbox VALUES(216,'guest_resources',14,0);
INSERT INTO fleet_outbox VALUES(217,'audit_events',50,0);
INSERT INTO fleet_outbox VALUES(218,'guest_resources',15,0);
INSERT INTO fleet_outbox VALUES(219,'audit_events',51,0);
INSERT INTO fleet_outbox VALUES(220,'guest_resources',16,0);
INSERT INTO fleet_outbox VALUES(221,'audit_events',52,0);
INSERT INTO fleet_outbox VALUES(222,'leases',15,0);
INSERT INTO fleet_outbox VALUES(223,'leases',16,0);
INSERT INTO fleet_outbox VALUES(224,'events',11,0);
INSERT INTO fleet_outbox VALUES(225,'denial_runs',18,0);
INSERT INTO fleet_outbox VALUES(226,'run_parties','[18,"source",11]',0);
INSERT INTO fleet_outbox VALUES(227,'audit_events',53,0);
INSERT INTO fleet_outbox VALUES(228,'strings',78,0);
INSERT INTO fleet_outbox VALUES(229,'denial_runs',19,0);
INSERT INTO fleet_outbox VALUES(230,'run_parties','[19,"source",7]',0);
INSERT INTO fleet_outbox VALUES(231,'run_parties','[19,"target",3]',0);
INSERT INTO fleet_outbox VALUES(232,'audit_events',54,0);
INSERT INTO fleet_outbox VALUES(233,'strings',79,0);
INSERT INTO fleet_outbox VALUES(234,'strings',80,0);
INSERT INTO fleet_outbox VALUES(235,'strings',81,0);
INSERT INTO fleet_outbox VALUES(236,'denial_runs',20,0);
INSERT INTO fleet_outbox VALUES(237,'run_parties','[20,"source",9]',0);
INSERT INTO fleet_outbox VALUES(238,'audit_events',55,0);
INSERT INTO fleet_outbox VALUES(239,'strings',82,0);
INSERT INTO fleet_outbox VALUES(240,'strings',83,0);
INSERT INTO fleet_outbox VALUES(241,'strings',84,0);
INSERT INTO fleet_outbox VALUES(242,'strings',85,0);
INSERT INTO fleet_outbox VALUES(243,'strings',86,0);
INSERT INTO fleet_outbox VALUES(244,'denial_runs',21,0);
INSERT INTO fleet_outbox VALUES(245,'run_parties','[21,"source",15]',0);
INSERT INTO fleet_outbox VALUES(246,'run_parties','[21,"target",3]',0);
INSERT INTO fleet_outbox VALUES(247,'audit_events',56,0);
INSERT INTO fleet_outbox VALUES(248,'strings',87,0);
INSERT INTO fleet_outbox VALUES(249,'strings',88,0);
INSERT INTO fleet_outbox VALUES(250,'strings',89,0);
INSERT INTO fleet_outbox VALUES(251,'denial_runs',22,0);
INSERT INTO fleet_outbox VALUES(252,'run_parties','[22,"source",9]',0);
INSERT INTO fleet_outbox VALUES(253,'audit_events',57,0);
INSERT INTO fleet_outbox VALUES(254,'audit_events',58,0);
INSERT INTO fleet_outbox VALUES(255,'audit_events',59,0);
INSERT INTO fleet_outbox VALUES(256,'audit_events',60,0);
INSERT INTO fleet_outbox VALUES(257,'leases',11,0);
INSERT INTO fleet_outbox VALUES(258,'leases',12,0);
INSERT INTO fleet_outbox VALUES(259,'events',12,0);
INSERT INTO fleet_outbox VALUES(260,'audit_events',61,0);
INSERT INTO fleet_outbox VALUES(261,'denial_runs',23,0);
INSERT INTO fleet_outbox VALUES(262,'run_parties','[23,"source",15]',0);
INSERT INTO fleet_outbox VALUES(263,'audit_events',62,0);
INSERT INTO fleet_outbox VALUES(264,'denial_runs',24,0);
INSERT INTO fleet_outbox VALUES(265,'run_parties','[24,"source",7]',0);
INSERT INTO fleet_outbox VALUES(266,'audit_events',63,0);
INSERT INTO fleet_outbox VALUES(267,'denial_runs',25,0);
INSERT INTO fleet_outbox VALUES(268,'audit_events',64,0);
INSERT INTO fleet_outbox VALUES(269,'audit_events',65,0);
INSERT INTO fleet_outbox VALUES(270,'audit_events',66,0);
INSERT INTO fleet_outbox VALUES(271,'guests',9,0);
INSERT INTO fleet_outbox VALUES(273,'audit_events',67,0);
INSERT INTO fleet_outbox VALUES(275,'audit_events',68,0);
INSERT INTO fleet_outbox VALUES(276,'guest_resources',17,0);
INSERT INTO fleet_outbox VALUES(277,'audit_events',69,0);
INSERT INTO fleet_outbox VALUES(278,'guest_resources',18,0);
INSERT INTO fleet_outbox VALUES(279,'audit_events',70,0);
INSERT INTO fleet_outbox VALUES(280,'guest_resources',19,0);
INSERT INTO fleet_outbox VALUES(281,'audit_events',71,0);
INSERT INTO fleet_outbox VALUES(282,'guest_resources',20,0);
INSERT INTO fleet_outbox VALUES(283,'audit_events',72,0);
INSERT INTO fleet_outbox VALUES(284,'leases',17,0);
INSERT INTO fleet_outbox VALUES(285,'leases',18,0);
INSERT INTO fleet_outbox VALUES(286,'events',13,0);
INSERT INTO fleet_outbox VALUES(287,'audit_events',73,0);
INSERT INTO fleet_outbox VALUES(288,'denial_runs',26,0);
INSERT INTO fleet_outbox VALUES(289,'audit_events',74,0);
INSERT INTO fleet_outbox VALUES(290,'denial_runs',27,0);
INSERT INTO fleet_outbox VALUES(291,'audit_events',75,0);
INSERT INTO fleet_outbox VALUES(292,'strings',90,0);
INSERT INTO fleet_outbox VALUES(293,'strings',91,0);
INSERT INTO fleet_outbox VALUES(294,'strings',92,0);
INSERT INTO fleet_outbox VALUES(295,'strings',93,0);
INSERT INTO fleet_outbox VALUES(296,'strings',94,0);
INSERT INTO fleet_outbox VALUES(297,'strings',95,0);
INSERT INTO fleet_outbox VALUES(298,'denial_runs',28,0);
INSERT INTO fleet_outbox VALUES(299,'run_parties','[28,"source",17]',0);
INSERT INTO fleet_outbox VALUES(300,'run_parties','[28,"target",9]',0);
INSERT INTO fleet_outbox VALUES(301,'audit_events',76,0);
INSERT INTO fleet_outbox VALUES(302,'strings',96,0);
INSERT INTO fleet_outbox VALUES(303,'strings',97,0);
INSERT INTO fleet_outbox VALUES(304,'strings',98,0);
INSERT INTO fleet_outbox VALUES(305,'strings',99,0);
INSERT INTO fleet_outbox VALUES(306,'strings',100,0);
INSERT INTO fleet_outbox VALUES(307,'strings',101,0);
INSERT INTO fleet_outbox VALUES(308,'strings',102,0);
INSERT INTO fleet_outbox VALUES(309,'denial_runs',29,0);
INSERT INTO fleet_outbox VALUES(310,'audit_events',77,0);
INSERT INTO fleet_outbox VALUES(311,'audit_events',78,0);
INSERT INTO fleet_outbox VALUES(312,'leases',7,0);
INSERT INTO fleet_outbox VALUES(313,'leases',8,0);
INSERT INTO fleet_outbox VALUES(314,'events',14,0);
INSERT INTO fleet_outbox VALUES(315,'denial_runs',30,0);
INSERT INTO fleet_outbox VALUES(316,'run_parties','[30,"source",17]',0);
INSERT INTO fleet_outbox VALUES(317,'audit_events',79,0);
INSERT INTO fleet_outbox VALUES(318,'strings',103,0);
INSERT INTO fleet_outbox VALUES(319,'strings',104,0);
INSERT INTO fleet_outbox VALUES(320,'strings',105,0);
INSERT INTO fleet_outbox VALUES(321,'strings',106,0);
INSERT INTO fleet_outbox VALUES(322,'strings',107,0);
INSERT INTO fleet_outbox VALUES(323,'denial_runs',31,0);
INSERT INTO fleet_outbox VALUES(324,'run_parties','[31,"source",13]',0);
INSERT INTO fleet_outbox VALUES(325,'run_parties','[31,"target",15]',0);
INSERT INTO fleet_outbox VALUES(326,'audit_events',80,0);
INSERT INTO fleet_outbox VALUES(327,'audit_events',81,0);
INSERT INTO fleet_outbox VALUES(328,'guests',10,0);
INSERT INTO fleet_outbox VALUES(330,'audit_events',82,0);
INSERT INTO fleet_outbox VALUES(332,'audit_events',83,0);
INSERT INTO fleet_outbox VALUES(333,'guest_resources',21,0);
INSERT INTO fleet_outbox VALUES(334,'audit_events',84,0);
INSERT INTO fleet_outbox VALUES(335,'guest_resources',22,0);
INSERT INTO fleet_outbox VALUES(336,'audit_events',85,0);
INSERT INTO fleet_outbox VALUES(337,'guest_resources',23,0);
INSERT INTO fleet_outbox VALUES(338,'audit_events',86,0);
INSERT INTO fleet_outbox VALUES(339,'guest_resources',24,0);
INSERT INTO fleet_outbox VALUES(340,'audit_events',87,0);
INSERT INTO fleet_outbox VALUES(341,'leases',19,0);
INSERT INTO fleet_outbox VALUES(342,'leases',20,0);
INSERT INTO fleet_outbox VALUES(343,'events',15,0);
INSERT INTO fleet_outbox VALUES(344,'events',16,0);
INSERT INTO fleet_outbox VALUES(345,'audit_events',88,0);
INSERT INTO fleet_outbox VALUES(346,'audit_events',89,0);
INSERT INTO fleet_outbox VALUES(347,'audit_events',90,0);
INSERT INTO fleet_outbox VALUES(348,'strings',108,0);
INSERT INTO fleet_outbox VALUES(349,'strings',109,0);
INSERT INTO fleet_outbox VALUES(350,'denial_runs',32,0);
INSERT INTO fleet_outbox VALUES(351,'run_parties','[32,"source",3]',0);
INSERT INTO fleet_outbox VALUES(352,'run_parties','[32,"target",15]',0);
INSERT INTO fleet_outbox VALUES(353,'audit_events',91,0);
INSERT INTO fleet_outbox VALUES(354,'audit_events',92,0);
INSERT INTO fleet_outbox VALUES(355,'strings',110,0);
INSERT INTO fleet_outbox VALUES(356,'strings',111,0);
INSERT INTO fleet_outbox VALUES(357,'strings',112,0);
INSERT INTO fleet_outbox VALUES(358,'denial_runs',33,0);
INSERT INTO fleet_outbox VALUES(359,'run_parties','[33,"source",5]',0);
INSERT INTO fleet_outbox VALUES(360,'audit_events',93,0);
INSERT INTO fleet_outbox VALUES(361,'denial_runs',34,0);
INSERT INTO fleet_outbox VALUES(362,'audit_events',94,0);
INSERT INTO fleet_outbox VALUES(363,'strings',113,0);
INSERT INTO fleet_outbox VALUES(364,'strings',114,0);
INSERT INTO fleet_outbox VALUES(365,'denial_runs',35,0);
INSERT INTO fleet_outbox VALUES(366,'run_parties','[35,"source",9]',0);
INSERT INTO fleet_outbox VALUES(367,'run_parties','[35,"target",17]',0);
INSERT INTO fleet_outbox VALUES(368,'audit_events',95,0);
INSERT INTO fleet_outbox VALUES(369,'denial_runs',36,0);
INSERT INTO fleet_outbox VALUES(370,'audit_events',96,0);
INSERT INTO fleet_outbox VALUES(371,'strings',115,0);
INSERT INTO fleet_outbox VALUES(372,'strings',116,0);
INSERT INTO fleet_outbox VALUES(373,'strings',117,0);
INSERT INTO fleet_outbox VALUES(374,'denial_runs',37,0);
INSERT INTO fleet_outbox VALUES(375,'run_parties','[37,"source",3]',0);
INSERT INTO fleet_outbox VALUES(376,'audit_events',97,0);
INSERT INTO fleet_outbox VALUES(377,'strings',118,0);
INSERT INTO fleet_outbox VALUES(378,'denial_runs',38,0);
INSERT INTO fleet_outbox VALUES(379,'run_parties','[38,"source",5]',0);
INSERT INTO fleet_outbox VALUES(380,'run_parties','[38,"target",3]',0);
INSERT INTO fleet_outbox VALUES(381,'run_parties','[38,"target",19]',0);
INSERT INTO fleet_outbox VALUES(382,'audit_events',98,0);
INSERT INTO fleet_outbox VALUES(383,'denial_runs',39,0);
INSERT INTO fleet_outbox VALUES(384,'run_parties','[39,"source",5]',0);
INSERT INTO fleet_outbox VALUES(385,'audit_events',99,0);
INSERT INTO fleet_outbox VALUES(386,'audit_events',100,0);
INSERT INTO fleet_outbox VALUES(387,'strings',119,0);
INSERT INTO fleet_outbox VALUES(388,'strings',120,0);
INSERT INTO fleet_outbox VALUES(389,'strings',121,0);
INSERT INTO fleet_outbox VALUES(390,'strings',122,0);
INSERT INTO fleet_outbox VALUES(391,'strings',123,0);
INSERT INTO fleet_outbox VALUES(393,'run_parties','[40,"source",19]',0);
INSERT INTO fleet_outbox VALUES(394,'run_parties','[40,"target",5]',0);
INSERT INTO fleet_outbox VALUES(395,'audit_events',101,0);
INSERT INTO fleet_outbox VALUES(396,'denial_runs',41,0);
INSERT INTO fleet_outbox VALUES(397,'audit_events',102,0);
INSERT INTO fleet_outbox VALUES(398,'strings',124,0);
INSERT INTO fleet_outbox VALUES(399,'strings',125,0);
INSERT INTO fleet_outbox VALUES(400,'strings',126,0);
INSERT INTO fleet_outbox VALUES(401,'denial_runs',42,0);
INSERT INTO fleet_outbox VALUES(402,'run_parties','[42,"source",17]',0);
INSERT INTO fleet_outbox VALUES(403,'audit_events',103,0);
INSERT INTO fleet_outbox VALUES(404,'audit_events',104,0);
INSERT INTO fleet_outbox VALUES(405,'denial_runs',43,0);
INSERT INTO fleet_outbox VALUES(406,'audit_events',105,0);
INSERT INTO fleet_outbox VALUES(407,'audit_events',106,0);
INSERT INTO fleet_outbox VALUES(408,'strings',127,0);
INSERT INTO fleet_outbox VALUES(409,'strings',128,0);
INSERT INTO fleet_outbox VALUES(410,'denial_runs',44,0);
INSERT INTO fleet_outbox VALUES(411,'run_parties','[44,"source",9]',0);
INSERT INTO fleet_outbox VALUES(412,'run_parties','[44,"target",13]',0);
INSERT INTO fleet_outbox VALUES(413,'audit_events',107,0);
INSERT INTO fleet_outbox VALUES(414,'strings',129,0);
INSERT INTO fleet_outbox VALUES(415,'strings',130,0);
INSERT INTO fleet_outbox VALUES(416,'strings',131,0);
INSERT INTO fleet_outbox VALUES(417,'denial_runs',45,0);
INSERT INTO fleet_outbox VALUES(418,'run_parties','[45,"source",15]',0);
INSERT INTO fleet_outbox VALUES(419,'audit_events',108,0);
INSERT INTO fleet_outbox VALUES(420,'denial_runs',46,0);
INSERT INTO fleet_outbox VALUES(421,'audit_events',109,0);
INSERT INTO fleet_outbox VALUES(422,'denial_runs',47,0);
INSERT INTO fleet_outbox VALUES(423,'run_parties','[47,"source",15]',0);
INSERT INTO fleet_outbox VALUES(424,'run_parties','[47,"target",3]',0);
INSERT INTO fleet_outbox VALUES(425,'run_parties','[47,"target",19]',0);
INSERT INTO fleet_outbox VALUES(426,'audit_events',110,0);
INSERT INTO fleet_outbox VALUES(427,'denial_runs',48,0);
INSERT INTO fleet_outbox VALUES(428,'run_parties','[48,"source",19]',0);
INSERT INTO fleet_outbox VALUES(429,'run_parties','[48,"target",17]',0);
INSERT INTO fleet_outbox VALUES(430,'audit_events',111,0);
INSERT INTO fleet_outbox VALUES(431,'audit_events',112,0);
INSERT INTO fleet_outbox VALUES(432,'denial_runs',49,0);
INSERT INTO fleet_outbox VALUES(433,'run_parties','[49,"source",19]',0);
INSERT INTO fleet_outbox VALUES(434,'run_parties','[49,"target",9]',0);
INSERT INTO fleet_outbox VALUES(435,'audit_events',113,0);
INSERT INTO fleet_outbox VALUES(436,'audit_events',114,0);
INSERT INTO fleet_outbox VALUES(437,'events',17,0);
INSERT INTO fleet_outbox VALUES(438,'denial_runs',50,0);
INSERT INTO fleet_outbox VALUES(439,'run_parties','[50,"source",15]',0);
INSERT INTO fleet_outbox VALUES(440,'audit_events',115,0);
INSERT INTO fleet_outbox VALUES(441,'denial_runs',51,0);
INSERT INTO fleet_outbox VALUES(442,'run_parties','[51,"source",15]',0);
INSERT INTO fleet_outbox VALUES(443,'run_parties','[51,"target",3]',0);
INSERT INTO fleet_outbox VALUES(444,'run_parties','[51,"target",19]',0);
INSERT INTO fleet_outbox VALUES(445,'audit_events',116,0);
INSERT INTO fleet_outbox VALUES(446,'denial_runs',52,0);
INSERT INTO fleet_outbox VALUES(447,'audit_events',117,0);
INSERT INTO fleet_outbox VALUES(448,'audit_events',118,0);
INSERT INTO fleet_outbox VALUES(449,'audit_events',119,0);
INSERT INTO fleet_outbox VALUES(450,'leases',3,0);
INSERT INTO fleet_outbox VALUES(451,'leases',4,0);
INSERT INTO fleet_outbox VALUES(452,'events',18,0);
INSERT INTO fleet_outbox VALUES(453,'audit_events',120,0);
INSERT INTO fleet_outbox VALUES(454,'guests',11,0);
INSERT INTO fleet_outbox VALUES(456,'audit_events',121,0);
INSERT INTO fleet_outbox VALUES(458,'audit_events',122,0);
INSERT INTO fleet_outbox VALUES(459,'guest_resources',25,0);
INSERT INTO fleet_outbox VALUES(460,'audit_events',123,0);
INSERT INTO fleet_outbox VALUES(461,'guest_resources',26,0);
INSERT INTO fleet_outbox VALUES(462,'audit_events',124,0);
INSERT INTO fleet_outbox VALUES(463,'guest_resources',27,0);
INSERT INTO fleet_outbox VALUES(464,'audit_events',125,0);
INSERT INTO fleet_outbox VALUES(465,'guest_resources',28,0);
INSERT INTO fleet_outbox VALUES(466,'audit_events',126,0);
INSERT INTO fleet_outbox VALUES(467,'leases',21,0);
INSERT INTO fleet_outbox VALUES(468,'leases',22,0);
INSERT INTO fleet_outbox VALUES(469,'events',19,0);
INSERT INTO fleet_outbox VALUES(470,'denial_runs',53,0);
INSERT INTO fleet_outbox VALUES(471,'run_parties','[53,"source",15]',0);
INSERT INTO fleet_outbox VALUES(472,'audit_events',127,0);
INSERT INTO fleet_outbox VALUES(473,'denial_runs',54,0);
INSERT INTO fleet_outbox VALUES(474,'run_parties','[54,"source",19]',0);
INSERT INTO fleet_outbox VALUES(475,'audit_events',128,0);
INSERT INTO fleet_outbox VALUES(476,'strings',132,0);
INSERT INTO fleet_outbox VALUES(477,'strings',133,0);
INSERT INTO fleet_outbox VALUES(478,'strings',134,0);
INSERT INTO fleet_outbox VALUES(479,'strings',135,0);
INSERT INTO fleet_outbox VALUES(480,'strings',136,0);
INSERT INTO fleet_outbox VALUES(481,'denial_runs',55,0);
INSERT INTO fleet_outbox VALUES(482,'run_parties','[55,"source",21]',0);
INSERT INTO fleet_outbox VALUES(483,'audit_events',129,0);
INSERT INTO fleet_outbox VALUES(484,'denial_runs',56,0);
INSERT INTO fleet_outbox VALUES(485,'run_parties','[56,"source",21]',0);
INSERT INTO fleet_outbox VALUES(486,'audit_events',130,0);
INSERT INTO fleet_outbox VALUES(487,'denial_runs',57,0);
INSERT INTO fleet_outbox VALUES(488,'run_parties','[57,"source",9]',0);
INSERT INTO fleet_outbox VALUES(489,'audit_events',131,0);
INSERT INTO fleet_outbox VALUES(490,'audit_events',132,0);
INSERT INTO fleet_outbox VALUES(491,'sources',1,0);
INSERT INTO fleet_outbox VALUES(492,'denial_runs',4,0);
INSERT INTO fleet_outbox VALUES(493,'denial_runs',40,0);
INSERT INTO fleet_outbox VALUES(494,'evidence_blocks',1,0);
INSERT INTO fleet_outbox VALUES(495,'pair_totals','["6641f7cc-3d89-a764-db48-3e5a6c212283","c57579e0-56c1-d3b5-b43f-ae63b75e1ede"]',0);
INSERT INTO fleet_outbox VALUES(496,'pair_totals','["904b96d0-43b1-1bda-a525-f4ec7d26ff92","29e42f63-2367-7174-a302-66c1f845a62b"]',0);
INSERT INTO fleet_outbox VALUES(497,'pair_totals','["39263059-a170-a09f-953f-0fd6f29d0da9","128b2f33-d23f-892f-1818-95315d9dc9f8"]',0);
INSERT INTO fleet_outbox VALUES(498,'pair_totals','["c57579e0-56c1-d3b5-b43f-ae63b75e1ede","c6cfbfe5-11a3-cf40-cc63-3173a261621f"]',0);
INSERT INTO fleet_outbox VALUES(499,'pair_totals','["label:s0:c21,c52","128b2f33-d23f-892f-1818-95315d9dc9f8"]',0);
INSERT INTO fleet_outbox VALUES(500,'pair_totals','["c6cfbfe5-11a3-cf40-cc63-3173a261621f","c57579e0-56c1-d3b5-b43f-ae63b75e1ede"]',0);
INSERT INTO fleet_outbox VALUES(501,'pair_totals','["6641f7cc-3d89-a764-db48-3e5a6c212283","c6cfbfe5-11a3-cf40-cc63-3173a261621f"]',0);
INSERT INTO fleet_outbox VALUES(502,'pair_totals','["6641f7cc-3d89-a764-db48-3e5a6c212283","39263059-a170-a09f-953f-0fd6f29d0da9"]',0);
INSERT INTO fleet_outbox VALUES(503,'pair_totals','["39263059-a170-a09f-953f-0fd6f29d0da9","6f03675a-6b0d-11e2-3d9c-8d111738f7d9"]',0);
INSERT INTO fleet_outbox VALUES(504,'pair_totals','["label:s0:c208,c337","128b2f33-d23f-892f-1818-95315d9dc9f8"]',0);
INSERT INTO fleet_outbox VALUES(505,'pair_totals','["29e42f63-2367-7174-a302-66c1f845a62b","128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283"]',0);
INSERT INTO fleet_outbox VALUES(506,'pair_totals','["c6cfbfe5-11a3-cf40-cc63-3173a261621f","904b96d0-43b1-1bda-a525-f4ec7d26ff92"]',0);
INSERT INTO fleet_outbox VALUES(507,'pair_totals','["128b2f33-d23f-892f-1818-95315d9dc9f8","29e42f63-2367-7174-a302-66c1f845a62b"]',0);
INSERT INTO fleet_outbox VALUES(508,'pair_totals','["39263059-a170-a09f-953f-0fd6f29d0da9","128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283"]',0);
INSERT INTO fleet_outbox VALUES(509,'pair_totals','["0becd7b0-8e81-dbc4-2217-6b4c4a23d596","128b2f33-d23f-892f-1818-95315d9dc9f8"]',0);
INSERT INTO fleet_outbox VALUES(510,'pair_totals','["29e42f63-2367-7174-a302-66c1f845a62b","128b2f33-d23f-892f-1818-95315d9dc9f8"]',0);
INSERT INTO fleet_outbox VALUES(511,'daily_totals','[20417,"hv01","guest-host"]',0);
INSERT INTO fleet_outbox VALUES(512,'daily_totals','[20417,"hv01","host-other"]',0);
INSERT INTO fleet_outbox VALUES(513,'daily_totals','[20417,"hv01","needs-boolean"]',0);
INSERT INTO fleet_outbox VALUES(514,'daily_totals','[20417,"hv01","stale-image"]',0);
INSERT INTO fleet_outbox VALUES(515,'daily_totals','[20417,"hv01","shared-content-write"]',0);
INSERT INTO fleet_outbox VALUES(516,'daily_totals','[20417,"hv01","unknown-source"]',0);
INSERT INTO fleet_outbox VALUES(517,'daily_totals','[20417,"hv01","cross-guest"]',0);
INSERT INTO fleet_outbox VALUES(518,'node_activity','["hv01"]',0);
CREATE TABLE fleet_spool (
    name  TEXT PRIMARY KEY,
    value ANY  NOT NULL
) STRICT, WITHOUT ROWID;
DELETE FROM sqlite_sequence;
INSERT INTO sqlite_sequence VALUES('fleet_outbox',518);
CREATE INDEX sources_first_line ON sources(first_line_hash);
CREATE INDEX guests_by_name ON guests(name);
CREATE INDEX guests_by_uuid ON guests(uuid);
CREATE INDEX leases_by_label ON leases(level, node, valid_from_ms);
CREATE INDEX leases_by_guest ON leases(guest_id);
CREATE INDEX guest_resources_by_uuid ON guest_resources(node, uuid);
CREATE INDEX guest_resources_by_lease ON guest_resources(lease_id);
CREATE INDEX events_by_kind_time ON events(kind, time_ms);
CREATE INDEX events_by_node_time ON events(node, time_ms);
CREATE INDEX events_by_uuid ON events(uuid);
CREATE INDEX alerts_by_time ON alerts(time_ms);
CREATE INDEX parse_errors_overflow ON parse_errors(source_id, line) WHERE overflow = 1;
CREATE TRIGGER parse_errors_kept AFTER INSERT ON parse_errors WHEN NEW.overflow = 0 BEGIN
    INSERT INTO parse_error_counts(source_key, reason, stage, kept)
        VALUES (coalesce(NEW.source_id, 0), NEW.reason, NEW.stage, 1)
        ON CONFLICT DO UPDATE SET kept = kept + 1;
END;
CREATE TRIGGER parse_errors_forgotten AFTER DELETE ON parse_errors WHEN OLD.overflow = 0 BEGIN
    UPDATE parse_error_counts SET kept = kept - 1
        WHERE source_key = coalesce(OLD.source_id, 0) AND reason = OLD.reason AND stage = OLD.stage;
    -- A reader error at or before its source's checkpoint is forgotten only when the source is
    -- read again from its start (ingest reads a file shorter than its checkpoint whole): the
    -- errors past the cap are judged anew as well.
    UPDATE parse_error_counts SET counted = 0
        WHERE OLD.stage = 'reader' AND source_key = OLD.source_id AND stage = 'reader'
          AND OLD.line <= (SELECT line FROM sources WHERE id = OLD.source_id);
END
;
CREATE TRIGGER parse_errors_overflow_outside_sources AFTER INSERT ON parse_errors
WHEN NEW.overflow = 1 AND NEW.source_id IS NULL BEGIN
    INSERT INTO parse_error_counts(source_key, reason, stage, counted) VALUES (0, NEW.reason, NEW.stage, 1)
        ON CONFLICT DO UPDATE SET counted = counted + 1;
    DELETE FROM parse_errors WHERE id = NEW.id;
END;
CREATE TRIGGER sources_checkpoint_folds_overflow AFTER UPDATE OF line ON sources BEGIN
    INSERT INTO parse_error_counts(source_key, reason, stage, counted)
        SELECT source_id, reason, stage, count(*) FROM parse_errors
        WHERE overflow = 1 AND source_id = NEW.id AND line <= NEW.line GROUP BY reason, stage
        ON CONFLICT DO UPDATE SET counted = counted + excluded.counted;
    DELETE FROM parse_errors WHERE overflow = 1 AND source_id = NEW.id AND line <= NEW.line;
END;
CREATE UNIQUE INDEX alerts_by_alert_id ON alerts(alert_id);
CREATE INDEX denial_runs_by_kind_time ON denial_runs(kind, first_ms);
CREATE INDEX denial_runs_by_pair ON denial_runs(kind, source_key, target_key);
CREATE INDEX run_parties_by_lease ON run_parties(lease_id, side);
CREATE INDEX audit_events_time ON audit_events(time_ms, run_id);
CREATE INDEX coverage_marks_by_node ON coverage_marks(node, time_ms);
CREATE VIEW denials AS
SELECT a.id AS id, a.id AS audit_event_id, a.node AS node, a.time_ms AS time_ms, a.serial AS serial,
       r.id AS run_id, r.first_ms AS run_first_ms,
       r.kind AS kind, r.reason AS reason, r.boolean AS boolean, r.seresult AS seresult,
       (SELECT text FROM strings WHERE id = r.scontext) AS scontext, (SELECT text FROM strings WHERE id = r.tcontext) AS tcontext,
       (SELECT text FROM strings WHERE id = r.stype) AS stype, (SELECT text FROM strings WHERE id = r.ttype) AS ttype,
       (SELECT text FROM strings WHERE id = r.slevel) AS slevel, (SELECT text FROM strings WHERE id = r.tlevel) AS tlevel,
       r.tclass AS tclass, r.perms AS perms, r.permissive AS permissive, r.pid AS pid,
       (SELECT text FROM strings WHERE id = r.comm) AS comm, (SELECT text FROM strings WHERE id = r.exe) AS exe, r.syscall AS syscall, r.success AS success,
       r.exit_code AS exit_code, r.uid AS uid, r.auid AS auid, r.auid_name AS auid_name,
       (SELECT text FROM strings WHERE id = r.cwd) AS cwd, (SELECT text FROM strings WHERE id = r.path) AS path, (SELECT text FROM strings WHERE id = r.proctitle) AS proctitle,
       r.avc_count AS avc_count,
       r.source_count AS source_count, (SELECT text FROM strings WHERE id = r.source_vm) AS source_vm,
       (SELECT text FROM strings WHERE id = r.source_uuid) AS source_uuid, (SELECT text FROM strings WHERE id = r.source_key) AS source_key,
       r.target_count AS target_count, (SELECT text FROM strings WHERE id = r.target_vm) AS target_vm,
       (SELECT text FROM strings WHERE id = r.target_uuid) AS target_uuid, (SELECT text FROM strings WHERE id = r.target_key) AS target_key
FROM audit_events a
JOIN denial_runs r ON r.id = a.run_id AND a.time_ms >= r.first_ms AND a.time_ms <= r.last_ms;
CREATE INDEX alert_deliveries_by_owner ON alert_deliveries(owner, state, sink);
CREATE INDEX fleet_audit_events_by_block ON audit_events (block_id);
CREATE TRIGGER fleet_sources_inserted AFTER INSERT ON sources BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'sources' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'sources', +NEW.id, 0;
END;
CREATE TRIGGER fleet_sources_updated AFTER UPDATE ON sources BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'sources' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'sources', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'sources' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'sources', +NEW.id, 0;
END;
CREATE TRIGGER fleet_sources_deleted AFTER DELETE ON sources BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'sources' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'sources', +OLD.id, 1;
END;
CREATE TRIGGER fleet_strings_inserted AFTER INSERT ON strings BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'strings' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'strings', +NEW.id, 0;
END;
CREATE TRIGGER fleet_strings_updated AFTER UPDATE ON strings BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'strings' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'strings', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'strings' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'strings', +NEW.id, 0;
END;
CREATE TRIGGER fleet_strings_deleted AFTER DELETE ON strings BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'strings' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'strings', +OLD.id, 1;
END;
CREATE TRIGGER fleet_guests_inserted AFTER INSERT ON guests BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'guests' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'guests', +NEW.id, 0;
END;
CREATE TRIGGER fleet_guests_updated AFTER UPDATE ON guests BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'guests' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'guests', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'guests' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'guests', +NEW.id, 0;
END;
CREATE TRIGGER fleet_guests_deleted AFTER DELETE ON guests BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'guests' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'guests', +OLD.id, 1;
END;
CREATE TRIGGER fleet_leases_inserted AFTER INSERT ON leases BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'leases' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'leases', +NEW.id, 0;
END;
CREATE TRIGGER fleet_leases_updated AFTER UPDATE ON leases BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'leases' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'leases', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'leases' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'leases', +NEW.id, 0;
END;
CREATE TRIGGER fleet_leases_deleted AFTER DELETE ON leases BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'leases' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'leases', +OLD.id, 1;
END;
CREATE TRIGGER fleet_evidence_blocks_inserted AFTER INSERT ON evidence_blocks BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'evidence_blocks' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'evidence_blocks', +NEW.id, 0;
END;
CREATE TRIGGER fleet_evidence_blocks_updated AFTER UPDATE ON evidence_blocks BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'evidence_blocks' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'evidence_blocks', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'evidence_blocks' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'evidence_blocks', +NEW.id, 0;
END;
CREATE TRIGGER fleet_evidence_blocks_deleted AFTER DELETE ON evidence_blocks BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'evidence_blocks' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'evidence_blocks', +OLD.id, 1;
END;
CREATE TRIGGER fleet_denial_runs_inserted AFTER INSERT ON denial_runs BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'denial_runs' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'denial_runs', +NEW.id, 0;
END;
CREATE TRIGGER fleet_denial_runs_updated AFTER UPDATE ON denial_runs BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'denial_runs' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'denial_runs', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'denial_runs' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'denial_runs', +NEW.id, 0;
END;
CREATE TRIGGER fleet_denial_runs_deleted AFTER DELETE ON denial_runs BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'denial_runs' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'denial_runs', +OLD.id, 1;
END;
CREATE TRIGGER fleet_audit_events_inserted AFTER INSERT ON audit_events BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'audit_events' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'audit_events', +NEW.id, 0;
END;
CREATE TRIGGER fleet_audit_events_updated AFTER UPDATE ON audit_events BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'audit_events' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'audit_events', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'audit_events' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'audit_events', +NEW.id, 0;
END;
CREATE TRIGGER fleet_audit_events_deleted AFTER DELETE ON audit_events BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'audit_events' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'audit_events', +OLD.id, 1;
END;
CREATE TRIGGER fleet_run_parties_inserted AFTER INSERT ON run_parties BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'run_parties' AND key = json_array(NEW.run_id, NEW.side, NEW.lease_id);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'run_parties', json_array(NEW.run_id, NEW.side, NEW.lease_id), 0;
END;
CREATE TRIGGER fleet_run_parties_updated AFTER UPDATE ON run_parties BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'run_parties' AND key = json_array(OLD.run_id, OLD.side, OLD.lease_id) AND json_array(OLD.run_id, OLD.side, OLD.lease_id) IS NOT json_array(NEW.run_id, NEW.side, NEW.lease_id);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'run_parties', json_array(OLD.run_id, OLD.side, OLD.lease_id), 1 WHERE json_array(OLD.run_id, OLD.side, OLD.lease_id) IS NOT json_array(NEW.run_id, NEW.side, NEW.lease_id);
    DELETE FROM fleet_outbox WHERE tbl = 'run_parties' AND key = json_array(NEW.run_id, NEW.side, NEW.lease_id);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'run_parties', json_array(NEW.run_id, NEW.side, NEW.lease_id), 0;
END;
CREATE TRIGGER fleet_run_parties_deleted AFTER DELETE ON run_parties BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'run_parties' AND key = json_array(OLD.run_id, OLD.side, OLD.lease_id);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'run_parties', json_array(OLD.run_id, OLD.side, OLD.lease_id), 1;
END;
CREATE TRIGGER fleet_guest_resources_inserted AFTER INSERT ON guest_resources BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'guest_resources' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'guest_resources', +NEW.id, 0;
END;
CREATE TRIGGER fleet_guest_resources_updated AFTER UPDATE ON guest_resources BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'guest_resources' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'guest_resources', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'guest_resources' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'guest_resources', +NEW.id, 0;
END;
CREATE TRIGGER fleet_guest_resources_deleted AFTER DELETE ON guest_resources BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'guest_resources' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'guest_resources', +OLD.id, 1;
END;
CREATE TRIGGER fleet_events_inserted AFTER INSERT ON events BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'events' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'events', +NEW.id, 0;
END;
CREATE TRIGGER fleet_events_updated AFTER UPDATE ON events BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'events' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'events', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'events' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'events', +NEW.id, 0;
END;
CREATE TRIGGER fleet_events_deleted AFTER DELETE ON events BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'events' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'events', +OLD.id, 1;
END;
CREATE TRIGGER fleet_coverage_marks_inserted AFTER INSERT ON coverage_marks BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'coverage_marks' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'coverage_marks', +NEW.id, 0;
END;
CREATE TRIGGER fleet_coverage_marks_updated AFTER UPDATE ON coverage_marks BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'coverage_marks' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'coverage_marks', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'coverage_marks' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'coverage_marks', +NEW.id, 0;
END;
CREATE TRIGGER fleet_coverage_marks_deleted AFTER DELETE ON coverage_marks BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'coverage_marks' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'coverage_marks', +OLD.id, 1;
END;
CREATE TRIGGER fleet_parse_errors_inserted AFTER INSERT ON parse_errors BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'parse_errors' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'parse_errors', +NEW.id, 0;
END;
CREATE TRIGGER fleet_parse_errors_updated AFTER UPDATE ON parse_errors BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'parse_errors' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'parse_errors', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'parse_errors' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'parse_errors', +NEW.id, 0;
END;
CREATE TRIGGER fleet_parse_errors_deleted AFTER DELETE ON parse_errors BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'parse_errors' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'parse_errors', +OLD.id, 1;
END;
CREATE TRIGGER fleet_parse_error_counts_inserted AFTER INSERT ON parse_error_counts BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'parse_error_counts' AND key = json_array(NEW.source_key, NEW.reason, NEW.stage);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'parse_error_counts', json_array(NEW.source_key, NEW.reason, NEW.stage), 0;
END;
CREATE TRIGGER fleet_parse_error_counts_updated AFTER UPDATE ON parse_error_counts BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'parse_error_counts' AND key = json_array(OLD.source_key, OLD.reason, OLD.stage) AND json_array(OLD.source_key, OLD.reason, OLD.stage) IS NOT json_array(NEW.source_key, NEW.reason, NEW.stage);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'parse_error_counts', json_array(OLD.source_key, OLD.reason, OLD.stage), 1 WHERE json_array(OLD.source_key, OLD.reason, OLD.stage) IS NOT json_array(NEW.source_key, NEW.reason, NEW.stage);
    DELETE FROM fleet_outbox WHERE tbl = 'parse_error_counts' AND key = json_array(NEW.source_key, NEW.reason, NEW.stage);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'parse_error_counts', json_array(NEW.source_key, NEW.reason, NEW.stage), 0;
END;
CREATE TRIGGER fleet_parse_error_counts_deleted AFTER DELETE ON parse_error_counts BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'parse_error_counts' AND key = json_array(OLD.source_key, OLD.reason, OLD.stage);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'parse_error_counts', json_array(OLD.source_key, OLD.reason, OLD.stage), 1;
END;
CREATE TRIGGER fleet_pair_totals_inserted AFTER INSERT ON pair_totals BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'pair_totals' AND key = json_array(NEW.source_key, NEW.target_key);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'pair_totals', json_array(NEW.source_key, NEW.target_key), 0;
END;
CREATE TRIGGER fleet_pair_totals_updated AFTER UPDATE ON pair_totals BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'pair_totals' AND key = json_array(OLD.source_key, OLD.target_key) AND json_array(OLD.source_key, OLD.target_key) IS NOT json_array(NEW.source_key, NEW.target_key);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'pair_totals', json_array(OLD.source_key, OLD.target_key), 1 WHERE json_array(OLD.source_key, OLD.target_key) IS NOT json_array(NEW.source_key, NEW.target_key);
    DELETE FROM fleet_outbox WHERE tbl = 'pair_totals' AND key = json_array(NEW.source_key, NEW.target_key);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'pair_totals', json_array(NEW.source_key, NEW.target_key), 0;
END;
CREATE TRIGGER fleet_pair_totals_deleted AFTER DELETE ON pair_totals BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'pair_totals' AND key = json_array(OLD.source_key, OLD.target_key);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'pair_totals', json_array(OLD.source_key, OLD.target_key), 1;
END;
CREATE TRIGGER fleet_daily_totals_inserted AFTER INSERT ON daily_totals BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'daily_totals' AND key = json_array(NEW.day, NEW.node, NEW.kind);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'daily_totals', json_array(NEW.day, NEW.node, NEW.kind), 0;
END;
CREATE TRIGGER fleet_daily_totals_updated AFTER UPDATE ON daily_totals BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'daily_totals' AND key = json_array(OLD.day, OLD.node, OLD.kind) AND json_array(OLD.day, OLD.node, OLD.kind) IS NOT json_array(NEW.day, NEW.node, NEW.kind);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'daily_totals', json_array(OLD.day, OLD.node, OLD.kind), 1 WHERE json_array(OLD.day, OLD.node, OLD.kind) IS NOT json_array(NEW.day, NEW.node, NEW.kind);
    DELETE FROM fleet_outbox WHERE tbl = 'daily_totals' AND key = json_array(NEW.day, NEW.node, NEW.kind);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'daily_totals', json_array(NEW.day, NEW.node, NEW.kind), 0;
END;
CREATE TRIGGER fleet_daily_totals_deleted AFTER DELETE ON daily_totals BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'daily_totals' AND key = json_array(OLD.day, OLD.node, OLD.kind);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'daily_totals', json_array(OLD.day, OLD.node, OLD.kind), 1;
END;
CREATE TRIGGER fleet_node_activity_inserted AFTER INSERT ON node_activity BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'node_activity' AND key = json_array(NEW.node);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'node_activity', json_array(NEW.node), 0;
END;
CREATE TRIGGER fleet_node_activity_updated AFTER UPDATE ON node_activity BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'node_activity' AND key = json_array(OLD.node) AND json_array(OLD.node) IS NOT json_array(NEW.node);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'node_activity', json_array(OLD.node), 1 WHERE json_array(OLD.node) IS NOT json_array(NEW.node);
    DELETE FROM fleet_outbox WHERE tbl = 'node_activity' AND key = json_array(NEW.node);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'node_activity', json_array(NEW.node), 0;
END;
CREATE TRIGGER fleet_node_activity_deleted AFTER DELETE ON node_activity BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'node_activity' AND key = json_array(OLD.node);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'node_activity', json_array(OLD.node), 1;
END;
CREATE TRIGGER fleet_alerts_inserted AFTER INSERT ON alerts BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alerts' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alerts', +NEW.id, 0;
END;
CREATE TRIGGER fleet_alerts_updated AFTER UPDATE ON alerts BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alerts' AND key = +OLD.id AND +OLD.id IS NOT +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alerts', +OLD.id, 1 WHERE +OLD.id IS NOT +NEW.id;
    DELETE FROM fleet_outbox WHERE tbl = 'alerts' AND key = +NEW.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alerts', +NEW.id, 0;
END;
CREATE TRIGGER fleet_alerts_deleted AFTER DELETE ON alerts BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alerts' AND key = +OLD.id;
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alerts', +OLD.id, 1;
END;
CREATE TRIGGER fleet_alert_deliveries_inserted AFTER INSERT ON alert_deliveries BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alert_deliveries' AND key = json_array(NEW.alert, NEW.sink);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alert_deliveries', json_array(NEW.alert, NEW.sink), 0;
END;
CREATE TRIGGER fleet_alert_deliveries_updated AFTER UPDATE ON alert_deliveries BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alert_deliveries' AND key = json_array(OLD.alert, OLD.sink) AND json_array(OLD.alert, OLD.sink) IS NOT json_array(NEW.alert, NEW.sink);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alert_deliveries', json_array(OLD.alert, OLD.sink), 1 WHERE json_array(OLD.alert, OLD.sink) IS NOT json_array(NEW.alert, NEW.sink);
    DELETE FROM fleet_outbox WHERE tbl = 'alert_deliveries' AND key = json_array(NEW.alert, NEW.sink);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alert_deliveries', json_array(NEW.alert, NEW.sink), 0;
END;
CREATE TRIGGER fleet_alert_deliveries_deleted AFTER DELETE ON alert_deliveries BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alert_deliveries' AND key = json_array(OLD.alert, OLD.sink);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alert_deliveries', json_array(OLD.alert, OLD.sink), 1;
END;
CREATE TRIGGER fleet_alert_windows_inserted AFTER INSERT ON alert_windows BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alert_windows' AND key = json_array(NEW.owner, NEW.key);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alert_windows', json_array(NEW.owner, NEW.key), 0;
END;
CREATE TRIGGER fleet_alert_windows_updated AFTER UPDATE ON alert_windows BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alert_windows' AND key = json_array(OLD.owner, OLD.key) AND json_array(OLD.owner, OLD.key) IS NOT json_array(NEW.owner, NEW.key);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alert_windows', json_array(OLD.owner, OLD.key), 1 WHERE json_array(OLD.owner, OLD.key) IS NOT json_array(NEW.owner, NEW.key);
    DELETE FROM fleet_outbox WHERE tbl = 'alert_windows' AND key = json_array(NEW.owner, NEW.key);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alert_windows', json_array(NEW.owner, NEW.key), 0;
END;
CREATE TRIGGER fleet_alert_windows_deleted AFTER DELETE ON alert_windows BEGIN
    DELETE FROM fleet_outbox WHERE tbl = 'alert_windows' AND key = json_array(OLD.owner, OLD.key);
    INSERT INTO fleet_outbox(tbl, key, deleted) SELECT 'alert_windows', json_array(OLD.owner, OLD.key), 1;
END;
PRAGMA user_version = 7;
COMMIT;
