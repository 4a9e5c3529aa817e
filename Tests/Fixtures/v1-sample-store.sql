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
    line       INTEGER,
    UNIQUE (node, serial, time_ms, occurrence)
);
INSERT INTO audit_events VALUES(1,'',1764042445113,819,0,1,57);
INSERT INTO audit_events VALUES(2,'',1764042445261,834,0,1,108);
INSERT INTO audit_events VALUES(3,'',1764042445413,857,0,1,167);
INSERT INTO audit_events VALUES(4,'',1764042445492,863,0,1,194);
INSERT INTO audit_events VALUES(5,'',1764042445526,866,0,1,202);
INSERT INTO audit_events VALUES(6,'',1764042445584,874,0,1,233);
INSERT INTO audit_events VALUES(7,'',1764042445736,892,0,1,300);
INSERT INTO audit_events VALUES(8,'',1764042445847,901,0,1,331);
INSERT INTO audit_events VALUES(9,'',1764042445938,911,0,1,378);
INSERT INTO audit_events VALUES(10,'',1764042446591,980,0,1,678);
INSERT INTO audit_events VALUES(11,'',1764042446604,982,0,1,683);
INSERT INTO audit_events VALUES(12,'',1764042446688,992,0,1,723);
INSERT INTO audit_events VALUES(13,'',1764042446792,1006,0,1,779);
INSERT INTO audit_events VALUES(14,'',1764042446894,1013,0,1,810);
INSERT INTO audit_events VALUES(15,'',1764042446993,1024,0,1,862);
INSERT INTO audit_events VALUES(16,'',1764042446993,1025,0,1,863);
INSERT INTO audit_events VALUES(17,'',1764042446993,1026,0,1,864);
INSERT INTO audit_events VALUES(18,'',1764042446993,1027,0,1,865);
INSERT INTO audit_events VALUES(19,'',1764042446993,1028,0,1,866);
INSERT INTO audit_events VALUES(20,'',1764042446993,1029,0,1,867);
INSERT INTO audit_events VALUES(21,'',1764042446993,1030,0,1,868);
INSERT INTO audit_events VALUES(22,'',1764042447094,1041,0,1,915);
INSERT INTO audit_events VALUES(23,'',1764042447532,1091,0,1,1102);
INSERT INTO audit_events VALUES(24,'',1764042447555,1095,0,1,1122);
INSERT INTO audit_events VALUES(25,'',1764042447555,1096,0,1,1123);
INSERT INTO audit_events VALUES(26,'',1764042447555,1097,0,1,1124);
INSERT INTO audit_events VALUES(27,'',1764042447555,1098,0,1,1125);
INSERT INTO audit_events VALUES(28,'',1764042447555,1099,0,1,1126);
INSERT INTO audit_events VALUES(29,'',1764042447555,1100,0,1,1127);
INSERT INTO audit_events VALUES(30,'',1764042447555,1101,0,1,1128);
INSERT INTO audit_events VALUES(31,'',1764042447628,1110,0,1,1165);
INSERT INTO audit_events VALUES(32,'',1764042447630,1111,0,1,1170);
INSERT INTO audit_events VALUES(33,'',1764042447861,1144,0,1,1287);
INSERT INTO audit_events VALUES(34,'',1764042447890,1146,0,1,1296);
INSERT INTO audit_events VALUES(35,'',1764042448018,1163,0,1,1369);
INSERT INTO audit_events VALUES(36,'',1764042448081,1172,0,1,1412);
INSERT INTO audit_events VALUES(37,'',1764042448098,1174,0,1,1417);
INSERT INTO audit_events VALUES(38,'',1764042448245,1189,0,1,1485);
INSERT INTO audit_events VALUES(39,'',1764042448245,1190,0,1,1486);
INSERT INTO audit_events VALUES(40,'',1764042448245,1191,0,1,1487);
INSERT INTO audit_events VALUES(41,'',1764042448245,1192,0,1,1488);
INSERT INTO audit_events VALUES(42,'',1764042448245,1193,0,1,1489);
INSERT INTO audit_events VALUES(43,'',1764042448245,1194,0,1,1490);
INSERT INTO audit_events VALUES(44,'',1764042448245,1195,0,1,1491);
INSERT INTO audit_events VALUES(45,'',1764042448252,1200,0,1,1499);
INSERT INTO audit_events VALUES(46,'',1764042448288,1203,0,1,1511);
INSERT INTO audit_events VALUES(47,'',1764042448288,1204,0,1,1512);
INSERT INTO audit_events VALUES(48,'',1764042448288,1205,0,1,1513);
INSERT INTO audit_events VALUES(49,'',1764042448288,1206,0,1,1514);
INSERT INTO audit_events VALUES(50,'',1764042448288,1207,0,1,1515);
INSERT INTO audit_events VALUES(51,'',1764042448288,1208,0,1,1516);
INSERT INTO audit_events VALUES(52,'',1764042448288,1209,0,1,1517);
INSERT INTO audit_events VALUES(53,'',1764042448340,1217,0,1,1533);
INSERT INTO audit_events VALUES(54,'',1764042448875,1284,0,1,1778);
INSERT INTO audit_events VALUES(55,'',1764042448930,1289,0,1,1801);
INSERT INTO audit_events VALUES(56,'',1764042448950,1290,0,1,1807);
INSERT INTO audit_events VALUES(57,'',1764042449125,1306,0,1,1868);
INSERT INTO audit_events VALUES(58,'',1764042449532,1347,0,1,2057);
INSERT INTO audit_events VALUES(59,'',1764042449807,1371,0,1,2143);
INSERT INTO audit_events VALUES(60,'',1764042449845,1375,0,1,2157);
INSERT INTO audit_events VALUES(61,'',1764042449987,1392,0,1,2205);
INSERT INTO audit_events VALUES(62,'',1764042449991,1393,0,1,2206);
INSERT INTO audit_events VALUES(63,'',1764042450150,1408,0,1,2261);
INSERT INTO audit_events VALUES(64,'',1764042450247,1419,0,1,2299);
INSERT INTO audit_events VALUES(65,'',1764042450620,1464,0,1,2463);
INSERT INTO audit_events VALUES(66,'',1764042451037,1509,0,1,2684);
INSERT INTO audit_events VALUES(67,'',1764042451037,1510,0,1,2685);
INSERT INTO audit_events VALUES(68,'',1764042451037,1511,0,1,2686);
INSERT INTO audit_events VALUES(69,'',1764042451037,1512,0,1,2687);
INSERT INTO audit_events VALUES(70,'',1764042451037,1513,0,1,2688);
INSERT INTO audit_events VALUES(71,'',1764042451037,1514,0,1,2689);
INSERT INTO audit_events VALUES(72,'',1764042451037,1515,0,1,2690);
INSERT INTO audit_events VALUES(73,'',1764042451052,1517,0,1,2697);
INSERT INTO audit_events VALUES(74,'',1764042451246,1538,0,1,2784);
INSERT INTO audit_events VALUES(75,'',1764042451480,1562,0,1,2884);
INSERT INTO audit_events VALUES(76,'',1764042451829,1599,0,1,3036);
INSERT INTO audit_events VALUES(77,'',1764042451949,1612,0,1,3092);
INSERT INTO audit_events VALUES(78,'',1764042452084,1627,0,1,3154);
INSERT INTO audit_events VALUES(79,'',1764042452196,1637,0,1,3198);
INSERT INTO audit_events VALUES(80,'',1764042452352,1655,0,1,3252);
INSERT INTO audit_events VALUES(81,'',1764042452387,1659,0,1,3271);
INSERT INTO audit_events VALUES(82,'',1764042452387,1660,0,1,3272);
INSERT INTO audit_events VALUES(83,'',1764042452387,1661,0,1,3273);
INSERT INTO audit_events VALUES(84,'',1764042452387,1662,0,1,3274);
INSERT INTO audit_events VALUES(85,'',1764042452387,1663,0,1,3275);
INSERT INTO audit_events VALUES(86,'',1764042452387,1664,0,1,3276);
INSERT INTO audit_events VALUES(87,'',1764042452387,1665,0,1,3277);
INSERT INTO audit_events VALUES(88,'',1764042452421,1668,0,1,3288);
INSERT INTO audit_events VALUES(89,'',1764042452624,1686,0,1,3379);
INSERT INTO audit_events VALUES(90,'',1764042452761,1698,0,1,3430);
INSERT INTO audit_events VALUES(91,'',1764042452828,1706,0,1,3469);
INSERT INTO audit_events VALUES(92,'',1764042453335,1762,0,1,3712);
INSERT INTO audit_events VALUES(93,'',1764042453389,1767,0,1,3733);
INSERT INTO audit_events VALUES(94,'',1764042453623,1798,0,1,3850);
INSERT INTO audit_events VALUES(95,'',1764042453700,1808,0,1,3901);
INSERT INTO audit_events VALUES(96,'',1764042453771,1817,0,1,3950);
INSERT INTO audit_events VALUES(97,'',1764042453831,1823,0,1,3985);
INSERT INTO audit_events VALUES(98,'',1764042453897,1832,0,1,4020);
INSERT INTO audit_events VALUES(99,'',1764042454071,1858,0,1,4103);
INSERT INTO audit_events VALUES(100,'',1764042454352,1896,0,1,4218);
INSERT INTO audit_events VALUES(101,'',1764042454368,1898,0,1,4223);
INSERT INTO audit_events VALUES(102,'',1764042454482,1909,0,1,4274);
INSERT INTO audit_events VALUES(103,'',1764042454524,1916,0,1,4307);
INSERT INTO audit_events VALUES(104,'',1764042454735,1948,0,1,4427);
INSERT INTO audit_events VALUES(105,'',1764042454892,1968,0,1,4513);
INSERT INTO audit_events VALUES(106,'',1764042454907,1969,0,1,4518);
INSERT INTO audit_events VALUES(107,'',1764042454960,1977,0,1,4542);
INSERT INTO audit_events VALUES(108,'',1764042455011,1982,0,1,4567);
INSERT INTO audit_events VALUES(109,'',1764042455079,1991,0,1,4606);
INSERT INTO audit_events VALUES(110,'',1764042455089,1993,0,1,4617);
INSERT INTO audit_events VALUES(111,'',1764042455098,1998,0,1,4627);
INSERT INTO audit_events VALUES(112,'',1764042455360,2025,0,1,4720);
INSERT INTO audit_events VALUES(113,'',1764042455465,2040,0,1,4778);
INSERT INTO audit_events VALUES(114,'',1764042455554,2047,0,1,4813);
INSERT INTO audit_events VALUES(115,'',1764042455724,2070,0,1,4893);
INSERT INTO audit_events VALUES(116,'',1764042455755,2073,0,1,4903);
INSERT INTO audit_events VALUES(117,'',1764042455785,2076,0,1,4920);
INSERT INTO audit_events VALUES(118,'',1764042455811,2081,0,1,4934);
INSERT INTO audit_events VALUES(119,'',1764042456250,2127,0,1,5133);
INSERT INTO audit_events VALUES(120,'',1764042456369,2137,0,1,5171);
INSERT INTO audit_events VALUES(121,'',1764042456369,2138,0,1,5172);
INSERT INTO audit_events VALUES(122,'',1764042456369,2139,0,1,5173);
INSERT INTO audit_events VALUES(123,'',1764042456369,2140,0,1,5174);
INSERT INTO audit_events VALUES(124,'',1764042456369,2141,0,1,5175);
INSERT INTO audit_events VALUES(125,'',1764042456369,2142,0,1,5176);
INSERT INTO audit_events VALUES(126,'',1764042456369,2143,0,1,5177);
INSERT INTO audit_events VALUES(127,'',1764042456653,2182,0,1,5306);
INSERT INTO audit_events VALUES(128,'',1764042456677,2187,0,1,5331);
INSERT INTO audit_events VALUES(129,'',1764042457457,2269,0,1,5646);
INSERT INTO audit_events VALUES(130,'',1764042457496,2272,0,1,5661);
INSERT INTO audit_events VALUES(131,'',1764042457631,2283,0,1,5716);
INSERT INTO audit_events VALUES(132,'',1764042457708,2296,0,1,5768);
CREATE TABLE raw_records (
    audit_event_id INTEGER NOT NULL REFERENCES audit_events(id),
    seq            INTEGER NOT NULL,
    record_type    TEXT    NOT NULL,
    line           INTEGER,
    text           TEXT    NOT NULL,
    PRIMARY KEY (audit_event_id, seq)
) WITHOUT ROWID;
INSERT INTO raw_records VALUES(1,0,'AVC',57,'type=AVC msg=audit(1764042445.113:819): avc:  denied  { write } for  pid=3382 comm="chronyd" name="drift" dev="dm-0" ino=901938 scontext=system_u:system_r:ntpd_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(1,1,'SYSCALL',58,'type=SYSCALL msg=audit(1764042445.113:819): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=e9c0dd27a65 a2=80002 a3=0 items=1 ppid=1 pid=3382 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="chronyd" exe="/usr/sbin/chronyd" subj=system_u:system_r:ntpd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(1,2,'CWD',59,'type=CWD msg=audit(1764042445.113:819): cwd="/"');
INSERT INTO raw_records VALUES(1,3,'PATH',60,'type=PATH msg=audit(1764042445.113:819): item=0 name="/tmp/drift" inode=90204 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:tmp_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(1,4,'PROCTITLE',61,'type=PROCTITLE msg=audit(1764042445.113:819): proctitle=2F7573722F7362696E2F6368726F6E7964');
INSERT INTO raw_records VALUES(2,0,'AVC',108,'type=AVC msg=audit(1764042445.261:834): avc:  denied  { read } for  pid=3074 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=355143 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0');
INSERT INTO raw_records VALUES(2,1,'SYSCALL',109,'type=SYSCALL msg=audit(1764042445.261:834): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=fd726c86b a2=80002 a3=0 items=1 ppid=1 pid=3074 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c420,c531 key=(null)');
INSERT INTO raw_records VALUES(2,2,'CWD',110,'type=CWD msg=audit(1764042445.261:834): cwd="/"');
INSERT INTO raw_records VALUES(2,3,'PATH',111,'type=PATH msg=audit(1764042445.261:834): item=0 name="/var/lib/libvirt/images/ci001.qcow2" inode=160816 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(2,4,'PROCTITLE',112,'type=PROCTITLE msg=audit(1764042445.261:834): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6C646170303033');
INSERT INTO raw_records VALUES(3,0,'AVC',167,'type=AVC msg=audit(1764042445.413:857): avc:  denied  { read } for  pid=3034 comm="qemu-system-x86" name="shared.iso" dev="dm-0" ino=418602 scontext=system_u:system_r:svirt_tcg_t:s0:c495,c500 tcontext=system_u:object_r:nfs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(3,1,'SYSCALL',168,'type=SYSCALL msg=audit(1764042445.413:857): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=52a3945336b a2=80002 a3=0 items=1 ppid=1 pid=3034 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_tcg_t:s0:c495,c500 key=(null)');
INSERT INTO raw_records VALUES(3,2,'CWD',169,'type=CWD msg=audit(1764042445.413:857): cwd="/"');
INSERT INTO raw_records VALUES(3,3,'PATH',170,'type=PATH msg=audit(1764042445.413:857): item=0 name="/mnt/nfs/images/shared.iso" inode=93579 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:nfs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(3,4,'PROCTITLE',171,'type=PROCTITLE msg=audit(1764042445.413:857): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6275696C64303032');
INSERT INTO raw_records VALUES(4,0,'USER_AVC',194,'type=USER_AVC msg=audit(1764042445.492:863): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(5,0,'USER_AVC',202,'type=USER_AVC msg=audit(1764042445.526:866): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(6,0,'AVC',233,'type=AVC msg=audit(1764042445.584:874): avc:  denied  { read } for  pid=3074 comm="qemu-system-x86" name="build002.qcow2" dev="dm-0" ino=2120 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:svirt_image_t:s0:c495,c500 tclass=file permissive=0');
INSERT INTO raw_records VALUES(6,1,'SYSCALL',234,'type=SYSCALL msg=audit(1764042445.584:874): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=f301579da0a a2=80002 a3=0 items=1 ppid=1 pid=3074 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c420,c531 key=(null)');
INSERT INTO raw_records VALUES(6,2,'CWD',235,'type=CWD msg=audit(1764042445.584:874): cwd="/"');
INSERT INTO raw_records VALUES(6,3,'PATH',236,'type=PATH msg=audit(1764042445.584:874): item=0 name="/var/lib/libvirt/images/build002.qcow2" inode=545140 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c495,c500 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(6,4,'PROCTITLE',237,'type=PROCTITLE msg=audit(1764042445.584:874): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6C646170303033');
INSERT INTO raw_records VALUES(7,0,'VIRT_CONTROL',300,'type=VIRT_CONTROL msg=audit(1764042445.736:892): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=stop reason=shutdown vm="build002" uuid=6f03675a-6b0d-11e2-3d9c-8d111738f7d9 vm-pid=-1 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(8,0,'USER_AVC',331,'type=USER_AVC msg=audit(1764042445.847:901): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(9,0,'AVC',378,'type=AVC msg=audit(1764042445.938:911): avc:  denied  { read } for  pid=3012 comm="qemu-system-x86" name="tools.iso" dev="dm-0" ino=162877 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:cifs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(9,1,'AVC',379,'type=AVC msg=audit(1764042445.938:911): avc:  denied  { open } for  pid=3012 comm="qemu-system-x86" name="tools.iso" dev="dm-0" ino=716207 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:cifs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(9,2,'SYSCALL',380,'type=SYSCALL msg=audit(1764042445.938:911): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=ea2e5174ebd a2=80002 a3=0 items=1 ppid=1 pid=3012 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(9,3,'CWD',381,'type=CWD msg=audit(1764042445.938:911): cwd="/"');
INSERT INTO raw_records VALUES(9,4,'PATH',382,'type=PATH msg=audit(1764042445.938:911): item=0 name="/mnt/smb/iso/tools.iso" inode=12141 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:cifs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(9,5,'PROCTITLE',383,'type=PROCTITLE msg=audit(1764042445.938:911): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6369303031');
INSERT INTO raw_records VALUES(10,0,'USER_AVC',678,'type=USER_AVC msg=audit(1764042446.591:980): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(11,0,'AVC',683,'type=AVC msg=audit(1764042446.604:982): avc:  denied  { write } for  pid=3012 comm="qemu-system-x86" name="config" dev="dm-0" ino=937039 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:sysfs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(11,1,'SYSCALL',684,'type=SYSCALL msg=audit(1764042446.604:982): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=fc5bbc81f54 a2=80002 a3=0 items=1 ppid=1 pid=3012 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(11,2,'CWD',685,'type=CWD msg=audit(1764042446.604:982): cwd="/"');
INSERT INTO raw_records VALUES(11,3,'PATH',686,'type=PATH msg=audit(1764042446.604:982): item=0 name="/sys/bus/pci/devices/0000:03:00.0/config" inode=33571 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:sysfs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(11,4,'PROCTITLE',687,'type=PROCTITLE msg=audit(1764042446.604:982): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6369303031');
INSERT INTO raw_records VALUES(12,0,'AVC',723,'type=AVC msg=audit(1764042446.688:992): avc:  denied  { write } for  pid=5837 comm="chronyd" name="drift" dev="dm-0" ino=960403 scontext=system_u:system_r:ntpd_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(12,1,'SYSCALL',724,'type=SYSCALL msg=audit(1764042446.688:992): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=62453add817 a2=80002 a3=0 items=1 ppid=1 pid=5837 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="chronyd" exe="/usr/sbin/chronyd" subj=system_u:system_r:ntpd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(12,2,'CWD',725,'type=CWD msg=audit(1764042446.688:992): cwd="/"');
INSERT INTO raw_records VALUES(12,3,'PATH',726,'type=PATH msg=audit(1764042446.688:992): item=0 name="/tmp/drift" inode=51948 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:tmp_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(12,4,'PROCTITLE',727,'type=PROCTITLE msg=audit(1764042446.688:992): proctitle=2F7573722F7362696E2F6368726F6E7964');
INSERT INTO raw_records VALUES(13,0,'AVC',779,'type=AVC msg=audit(1764042446.792:1006): avc:  denied  { read } for  pid=3088 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=984867 scontext=system_u:system_r:svirt_t:s0:c645,c776 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0');
INSERT INTO raw_records VALUES(13,1,'SYSCALL',780,'type=SYSCALL msg=audit(1764042446.792:1006): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=54e7f919c89 a2=80002 a3=0 items=1 ppid=1 pid=3088 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c645,c776 key=(null)');
INSERT INTO raw_records VALUES(13,2,'CWD',781,'type=CWD msg=audit(1764042446.792:1006): cwd="/"');
INSERT INTO raw_records VALUES(13,3,'PATH',782,'type=PATH msg=audit(1764042446.792:1006): item=0 name="/var/lib/libvirt/images/ci001.qcow2" inode=160816 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(13,4,'PROCTITLE',783,'type=PROCTITLE msg=audit(1764042446.792:1006): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D776562303034');
INSERT INTO raw_records VALUES(14,0,'AVC',810,'type=AVC msg=audit(1764042446.894:1013): avc:  denied  { read } for  pid=6137 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=403897 scontext=system_u:system_r:svirt_t:s0:c208,c337 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0');
INSERT INTO raw_records VALUES(14,1,'AVC',811,'type=AVC msg=audit(1764042446.894:1013): avc:  denied  { open } for  pid=6137 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=156523 scontext=system_u:system_r:svirt_t:s0:c208,c337 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0');
INSERT INTO raw_records VALUES(14,2,'SYSCALL',812,'type=SYSCALL msg=audit(1764042446.894:1013): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=9aacb7dc45a a2=80002 a3=0 items=1 ppid=1 pid=6137 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c208,c337 key=(null)');
INSERT INTO raw_records VALUES(14,3,'CWD',813,'type=CWD msg=audit(1764042446.894:1013): cwd="/"');
INSERT INTO raw_records VALUES(14,4,'PATH',814,'type=PATH msg=audit(1764042446.894:1013): item=0 name="/var/lib/libvirt/images/ci001.qcow2" inode=160816 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(14,5,'PROCTITLE',815,'type=PROCTITLE msg=audit(1764042446.894:1013): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D756E6B6E6F776E');
INSERT INTO raw_records VALUES(15,0,'VIRT_MACHINE_ID',862,'type=VIRT_MACHINE_ID msg=audit(1764042446.993:1024): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="cache005" uuid=c6cfbfe5-11a3-cf40-cc63-3173a261621f vm-ctx=system_u:system_r:svirt_t:s0:c495,c500 img-ctx=system_u:object_r:svirt_image_t:s0:c495,c500 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(16,0,'VIRT_MACHINE_ID',863,'type=VIRT_MACHINE_ID msg=audit(1764042446.993:1025): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="cache005" uuid=c6cfbfe5-11a3-cf40-cc63-3173a261621f vm-ctx=+107:+107 img-ctx=+107:+107 model=dac exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(17,0,'VIRT_RESOURCE',864,'type=VIRT_RESOURCE msg=audit(1764042446.993:1026): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=disk reason=start vm="cache005" uuid=c6cfbfe5-11a3-cf40-cc63-3173a261621f old-disk="?" new-disk="/var/lib/libvirt/images/cache005.qcow2" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(18,0,'VIRT_RESOURCE',865,'type=VIRT_RESOURCE msg=audit(1764042446.993:1027): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=net reason=start vm="cache005" uuid=c6cfbfe5-11a3-cf40-cc63-3173a261621f old-net="?" new-net="52:54:00:73:4a:b4" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(19,0,'VIRT_RESOURCE',866,'type=VIRT_RESOURCE msg=audit(1764042446.993:1028): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=mem reason=start vm="cache005" uuid=c6cfbfe5-11a3-cf40-cc63-3173a261621f old-mem=0 new-mem=2097152 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(20,0,'VIRT_RESOURCE',867,'type=VIRT_RESOURCE msg=audit(1764042446.993:1029): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=vcpu reason=start vm="cache005" uuid=c6cfbfe5-11a3-cf40-cc63-3173a261621f old-vcpu=0 new-vcpu=2 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(21,0,'VIRT_CONTROL',868,'type=VIRT_CONTROL msg=audit(1764042446.993:1030): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=start reason=booted vm="cache005" uuid=c6cfbfe5-11a3-cf40-cc63-3173a261621f vm-pid=6299 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(22,0,'MAC_CONFIG_CHANGE',915,'type=MAC_CONFIG_CHANGE msg=audit(1764042447.094:1041): bool=virt_use_fusefs val=1 old_val=0 auid=1000 ses=3');
INSERT INTO raw_records VALUES(22,1,'SYSCALL',916,'type=SYSCALL msg=audit(1764042447.094:1041): arch=c000003e syscall=1 success=yes exit=1 a0=ffffff9c a1=b88a3151d0c a2=80002 a3=0 items=0 ppid=6511 pid=6512 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=3 comm="setsebool" exe="/usr/sbin/setsebool" subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 key=(null)');
INSERT INTO raw_records VALUES(22,2,'PROCTITLE',917,'type=PROCTITLE msg=audit(1764042447.094:1041): proctitle=7365747365626F6F6C002D5000766972745F7573655F6675736566730031');
INSERT INTO raw_records VALUES(23,0,'AVC',1102,'type=AVC msg=audit(1764042447.532:1091): avc:  denied  { read } for  pid=3088 comm="qemu-system-x86" name="retired.qcow2" dev="dm-0" ino=501735 scontext=system_u:system_r:svirt_t:s0:c645,c776 tcontext=system_u:object_r:virt_content_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(23,1,'AVC',1103,'type=AVC msg=audit(1764042447.532:1091): avc:  denied  { open } for  pid=3088 comm="qemu-system-x86" name="retired.qcow2" dev="dm-0" ino=384812 scontext=system_u:system_r:svirt_t:s0:c645,c776 tcontext=system_u:object_r:virt_content_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(23,2,'SYSCALL',1104,'type=SYSCALL msg=audit(1764042447.532:1091): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=a9f248c6fa6 a2=80002 a3=0 items=1 ppid=1 pid=3088 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c645,c776 key=(null)');
INSERT INTO raw_records VALUES(23,3,'CWD',1105,'type=CWD msg=audit(1764042447.532:1091): cwd="/"');
INSERT INTO raw_records VALUES(23,4,'PATH',1106,'type=PATH msg=audit(1764042447.532:1091): item=0 name="/var/lib/libvirt/images/retired.qcow2" inode=30052 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:virt_content_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(23,5,'PROCTITLE',1107,'type=PROCTITLE msg=audit(1764042447.532:1091): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D776562303034');
INSERT INTO raw_records VALUES(24,0,'VIRT_MACHINE_ID',1122,'type=VIRT_MACHINE_ID msg=audit(1764042447.555:1095): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="mail006" uuid=29858691-0eb7-d513-b9fa-4b24fa811b6d vm-ctx=system_u:system_r:svirt_t:s0:c788,c796 img-ctx=system_u:object_r:svirt_image_t:s0:c788,c796 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(25,0,'VIRT_MACHINE_ID',1123,'type=VIRT_MACHINE_ID msg=audit(1764042447.555:1096): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="mail006" uuid=29858691-0eb7-d513-b9fa-4b24fa811b6d vm-ctx=+107:+107 img-ctx=+107:+107 model=dac exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(26,0,'VIRT_RESOURCE',1124,'type=VIRT_RESOURCE msg=audit(1764042447.555:1097): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=disk reason=start vm="mail006" uuid=29858691-0eb7-d513-b9fa-4b24fa811b6d old-disk="?" new-disk="/var/lib/libvirt/images/mail006.qcow2" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(27,0,'VIRT_RESOURCE',1125,'type=VIRT_RESOURCE msg=audit(1764042447.555:1098): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=net reason=start vm="mail006" uuid=29858691-0eb7-d513-b9fa-4b24fa811b6d old-net="?" new-net="52:54:00:08:e2:ae" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(28,0,'VIRT_RESOURCE',1126,'type=VIRT_RESOURCE msg=audit(1764042447.555:1099): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=mem reason=start vm="mail006" uuid=29858691-0eb7-d513-b9fa-4b24fa811b6d old-mem=0 new-mem=2097152 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(29,0,'VIRT_RESOURCE',1127,'type=VIRT_RESOURCE msg=audit(1764042447.555:1100): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=vcpu reason=start vm="mail006" uuid=29858691-0eb7-d513-b9fa-4b24fa811b6d old-vcpu=0 new-vcpu=2 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(30,0,'VIRT_CONTROL',1128,'type=VIRT_CONTROL msg=audit(1764042447.555:1101): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=start reason=booted vm="mail006" uuid=29858691-0eb7-d513-b9fa-4b24fa811b6d vm-pid=7270 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(31,0,'AVC',1165,'type=AVC msg=audit(1764042447.628:1110): avc:  denied  { search } for  pid=7479 comm="sshd" name="custom" dev="dm-0" ino=469125 scontext=system_u:system_r:sshd_t:s0 tcontext=system_u:object_r:var_t:s0 tclass=dir permissive=0');
INSERT INTO raw_records VALUES(31,1,'SYSCALL',1166,'type=SYSCALL msg=audit(1764042447.628:1110): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=d283688d07 a2=80002 a3=0 items=1 ppid=1 pid=7479 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="sshd" exe="/usr/sbin/sshd" subj=system_u:system_r:sshd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(31,2,'CWD',1167,'type=CWD msg=audit(1764042447.628:1110): cwd="/"');
INSERT INTO raw_records VALUES(31,3,'PATH',1168,'type=PATH msg=audit(1764042447.628:1110): item=0 name="/var/custom" inode=70535 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:var_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(31,4,'PROCTITLE',1169,'type=PROCTITLE msg=audit(1764042447.628:1110): proctitle=2F7573722F7362696E2F73736864');
INSERT INTO raw_records VALUES(32,0,'AVC',1170,'type=AVC msg=audit(1764042447.630:1111): avc:  denied  { read } for  pid=3074 comm="qemu-system-x86" name="tools.iso" dev="dm-0" ino=108662 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:cifs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(32,1,'SYSCALL',1171,'type=SYSCALL msg=audit(1764042447.630:1111): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=f6f4921539 a2=80002 a3=0 items=1 ppid=1 pid=3074 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c420,c531 key=(null)');
INSERT INTO raw_records VALUES(32,2,'CWD',1172,'type=CWD msg=audit(1764042447.630:1111): cwd="/"');
INSERT INTO raw_records VALUES(32,3,'PATH',1173,'type=PATH msg=audit(1764042447.630:1111): item=0 name="/mnt/smb/iso/tools.iso" inode=3549 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:cifs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(32,4,'PROCTITLE',1174,'type=PROCTITLE msg=audit(1764042447.630:1111): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6C646170303033');
INSERT INTO raw_records VALUES(33,0,'AVC',1287,'type=AVC msg=audit(1764042447.861:1144): avc:  denied  { read } for  pid=7933 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=270010 scontext=system_u:system_r:svirt_t:s0:c21,c52 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0');
INSERT INTO raw_records VALUES(33,1,'SYSCALL',1288,'type=SYSCALL msg=audit(1764042447.861:1144): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=9987f51800b a2=80002 a3=0 items=1 ppid=1 pid=7933 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c21,c52 key=(null)');
INSERT INTO raw_records VALUES(33,2,'CWD',1289,'type=CWD msg=audit(1764042447.861:1144): cwd="/"');
INSERT INTO raw_records VALUES(33,3,'PATH',1290,'type=PATH msg=audit(1764042447.861:1144): item=0 name="/var/lib/libvirt/images/ci001.qcow2" inode=160816 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(33,4,'PROCTITLE',1291,'type=PROCTITLE msg=audit(1764042447.861:1144): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D756E6B6E6F776E');
INSERT INTO raw_records VALUES(34,0,'AVC',1296,'type=AVC msg=audit(1764042447.890:1146): avc:  denied  { write } for  pid=7992 comm="chronyd" name="drift" dev="dm-0" ino=72585 scontext=system_u:system_r:ntpd_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(34,1,'SYSCALL',1297,'type=SYSCALL msg=audit(1764042447.890:1146): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7568676ab61 a2=80002 a3=0 items=1 ppid=1 pid=7992 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="chronyd" exe="/usr/sbin/chronyd" subj=system_u:system_r:ntpd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(34,2,'CWD',1298,'type=CWD msg=audit(1764042447.890:1146): cwd="/"');
INSERT INTO raw_records VALUES(34,3,'PATH',1299,'type=PATH msg=audit(1764042447.890:1146): item=0 name="/tmp/drift" inode=13971 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:tmp_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(34,4,'PROCTITLE',1300,'type=PROCTITLE msg=audit(1764042447.890:1146): proctitle=2F7573722F7362696E2F6368726F6E7964');
INSERT INTO raw_records VALUES(35,0,'AVC',1369,'type=AVC msg=audit(1764042448.018:1163): avc:  denied  { read } for  pid=6299 comm="qemu-system-x86" name="retired.qcow2" dev="dm-0" ino=369309 scontext=system_u:system_r:svirt_t:s0:c495,c500 tcontext=system_u:object_r:virt_content_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(35,1,'SYSCALL',1370,'type=SYSCALL msg=audit(1764042448.018:1163): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=61e632a42b9 a2=80002 a3=0 items=1 ppid=1 pid=6299 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c495,c500 key=(null)');
INSERT INTO raw_records VALUES(35,2,'CWD',1371,'type=CWD msg=audit(1764042448.018:1163): cwd="/"');
INSERT INTO raw_records VALUES(35,3,'PATH',1372,'type=PATH msg=audit(1764042448.018:1163): item=0 name="/var/lib/libvirt/images/retired.qcow2" inode=62212 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:virt_content_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(35,4,'PROCTITLE',1373,'type=PROCTITLE msg=audit(1764042448.018:1163): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303035');
INSERT INTO raw_records VALUES(36,0,'USER_AVC',1412,'type=USER_AVC msg=audit(1764042448.081:1172): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(37,0,'MAC_CONFIG_CHANGE',1417,'type=MAC_CONFIG_CHANGE msg=audit(1764042448.098:1174): bool=virt_use_usb val=1 old_val=0 auid=1000 ses=3');
INSERT INTO raw_records VALUES(37,1,'SYSCALL',1418,'type=SYSCALL msg=audit(1764042448.098:1174): arch=c000003e syscall=1 success=yes exit=1 a0=ffffff9c a1=5d01902bac1 a2=80002 a3=0 items=0 ppid=8411 pid=8412 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=3 comm="setsebool" exe="/usr/sbin/setsebool" subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 key=(null)');
INSERT INTO raw_records VALUES(37,2,'PROCTITLE',1419,'type=PROCTITLE msg=audit(1764042448.098:1174): proctitle=7365747365626F6F6C002D5000766972745F7573655F7573620031');
INSERT INTO raw_records VALUES(38,0,'VIRT_MACHINE_ID',1485,'type=VIRT_MACHINE_ID msg=audit(1764042448.245:1189): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="vpn007" uuid=904b96d0-43b1-1bda-a525-f4ec7d26ff92 vm-ctx=system_u:system_r:svirt_t:s0:c761,c876 img-ctx=system_u:object_r:svirt_image_t:s0:c761,c876 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(39,0,'VIRT_MACHINE_ID',1486,'type=VIRT_MACHINE_ID msg=audit(1764042448.245:1190): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="vpn007" uuid=904b96d0-43b1-1bda-a525-f4ec7d26ff92 vm-ctx=+107:+107 img-ctx=+107:+107 model=dac exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(40,0,'VIRT_RESOURCE',1487,'type=VIRT_RESOURCE msg=audit(1764042448.245:1191): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=disk reason=start vm="vpn007" uuid=904b96d0-43b1-1bda-a525-f4ec7d26ff92 old-disk="?" new-disk="/var/lib/libvirt/images/vpn007.qcow2" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(41,0,'VIRT_RESOURCE',1488,'type=VIRT_RESOURCE msg=audit(1764042448.245:1192): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=net reason=start vm="vpn007" uuid=904b96d0-43b1-1bda-a525-f4ec7d26ff92 old-net="?" new-net="52:54:00:fa:61:a4" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(42,0,'VIRT_RESOURCE',1489,'type=VIRT_RESOURCE msg=audit(1764042448.245:1193): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=mem reason=start vm="vpn007" uuid=904b96d0-43b1-1bda-a525-f4ec7d26ff92 old-mem=0 new-mem=2097152 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(43,0,'VIRT_RESOURCE',1490,'type=VIRT_RESOURCE msg=audit(1764042448.245:1194): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=vcpu reason=start vm="vpn007" uuid=904b96d0-43b1-1bda-a525-f4ec7d26ff92 old-vcpu=0 new-vcpu=2 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(44,0,'VIRT_CONTROL',1491,'type=VIRT_CONTROL msg=audit(1764042448.245:1195): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=start reason=booted vm="vpn007" uuid=904b96d0-43b1-1bda-a525-f4ec7d26ff92 vm-pid=8783 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(45,0,'AVC',1499,'type=AVC msg=audit(1764042448.252:1200): avc:  denied  { read } for  pid=7270 comm="qemu-system-x86" name="retired.qcow2" dev="dm-0" ino=972719 scontext=system_u:system_r:svirt_t:s0:c788,c796 tcontext=system_u:object_r:virt_content_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(45,1,'SYSCALL',1500,'type=SYSCALL msg=audit(1764042448.252:1200): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=a749de64869 a2=80002 a3=0 items=1 ppid=1 pid=7270 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c788,c796 key=(null)');
INSERT INTO raw_records VALUES(45,2,'CWD',1501,'type=CWD msg=audit(1764042448.252:1200): cwd="/"');
INSERT INTO raw_records VALUES(45,3,'PATH',1502,'type=PATH msg=audit(1764042448.252:1200): item=0 name="/var/lib/libvirt/images/retired.qcow2" inode=50725 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:virt_content_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(45,4,'PROCTITLE',1503,'type=PROCTITLE msg=audit(1764042448.252:1200): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6D61696C303036');
INSERT INTO raw_records VALUES(46,0,'VIRT_MACHINE_ID',1511,'type=VIRT_MACHINE_ID msg=audit(1764042448.288:1203): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="cache008" uuid=29e42f63-2367-7174-a302-66c1f845a62b vm-ctx=system_u:system_r:svirt_t:s0:c20,c350 img-ctx=system_u:object_r:svirt_image_t:s0:c20,c350 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(47,0,'VIRT_MACHINE_ID',1512,'type=VIRT_MACHINE_ID msg=audit(1764042448.288:1204): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="cache008" uuid=29e42f63-2367-7174-a302-66c1f845a62b vm-ctx=+107:+107 img-ctx=+107:+107 model=dac exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(48,0,'VIRT_RESOURCE',1513,'type=VIRT_RESOURCE msg=audit(1764042448.288:1205): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=disk reason=start vm="cache008" uuid=29e42f63-2367-7174-a302-66c1f845a62b old-disk="?" new-disk="/var/lib/libvirt/images/cache008.qcow2" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(49,0,'VIRT_RESOURCE',1514,'type=VIRT_RESOURCE msg=audit(1764042448.288:1206): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=net reason=start vm="cache008" uuid=29e42f63-2367-7174-a302-66c1f845a62b old-net="?" new-net="52:54:00:14:e1:f5" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(50,0,'VIRT_RESOURCE',1515,'type=VIRT_RESOURCE msg=audit(1764042448.288:1207): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=mem reason=start vm="cache008" uuid=29e42f63-2367-7174-a302-66c1f845a62b old-mem=0 new-mem=2097152 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(51,0,'VIRT_RESOURCE',1516,'type=VIRT_RESOURCE msg=audit(1764042448.288:1208): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=vcpu reason=start vm="cache008" uuid=29e42f63-2367-7174-a302-66c1f845a62b old-vcpu=0 new-vcpu=2 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(52,0,'VIRT_CONTROL',1517,'type=VIRT_CONTROL msg=audit(1764042448.288:1209): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=start reason=booted vm="cache008" uuid=29e42f63-2367-7174-a302-66c1f845a62b vm-pid=8865 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(53,0,'AVC',1533,'type=AVC msg=audit(1764042448.340:1217): avc:  denied  { read } for  pid=7270 comm="qemu-system-x86" name="shared.iso" dev="dm-0" ino=758877 scontext=system_u:system_r:svirt_t:s0:c788,c796 tcontext=system_u:object_r:nfs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(53,1,'SYSCALL',1534,'type=SYSCALL msg=audit(1764042448.340:1217): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=d799235466a a2=80002 a3=0 items=1 ppid=1 pid=7270 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c788,c796 key=(null)');
INSERT INTO raw_records VALUES(53,2,'CWD',1535,'type=CWD msg=audit(1764042448.340:1217): cwd="/"');
INSERT INTO raw_records VALUES(53,3,'PATH',1536,'type=PATH msg=audit(1764042448.340:1217): item=0 name="/mnt/nfs/images/shared.iso" inode=49318 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:nfs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(53,4,'PROCTITLE',1537,'type=PROCTITLE msg=audit(1764042448.340:1217): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6D61696C303036');
INSERT INTO raw_records VALUES(54,0,'AVC',1778,'type=AVC msg=audit(1764042448.875:1284): avc:  denied  { read write } for  pid=3088 comm="qemu-system-x86" name="vg0-ci001" dev="dm-0" ino=143407 scontext=system_u:system_r:svirt_t:s0:c645,c776 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=blk_file permissive=0');
INSERT INTO raw_records VALUES(54,1,'SYSCALL',1779,'type=SYSCALL msg=audit(1764042448.875:1284): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=5ba00a87657 a2=80002 a3=0 items=1 ppid=1 pid=3088 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c645,c776 key=(null)');
INSERT INTO raw_records VALUES(54,2,'CWD',1780,'type=CWD msg=audit(1764042448.875:1284): cwd="/"');
INSERT INTO raw_records VALUES(54,3,'PATH',1781,'type=PATH msg=audit(1764042448.875:1284): item=0 name="/dev/mapper/vg0-ci001" inode=160816 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(54,4,'PROCTITLE',1782,'type=PROCTITLE msg=audit(1764042448.875:1284): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D776562303034');
INSERT INTO raw_records VALUES(55,0,'AVC',1801,'type=AVC msg=audit(1764042448.930:1289): avc:  denied  { read write } for  pid=6299 comm="qemu-system-x86" name="004" dev="dm-0" ino=843797 scontext=system_u:system_r:svirt_t:s0:c495,c500 tcontext=system_u:object_r:usb_device_t:s0 tclass=chr_file permissive=0');
INSERT INTO raw_records VALUES(55,1,'AVC',1802,'type=AVC msg=audit(1764042448.930:1289): avc:  denied  { open } for  pid=6299 comm="qemu-system-x86" name="004" dev="dm-0" ino=666824 scontext=system_u:system_r:svirt_t:s0:c495,c500 tcontext=system_u:object_r:usb_device_t:s0 tclass=chr_file permissive=0');
INSERT INTO raw_records VALUES(55,2,'SYSCALL',1803,'type=SYSCALL msg=audit(1764042448.930:1289): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7a6015820a5 a2=80002 a3=0 items=1 ppid=1 pid=6299 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c495,c500 key=(null)');
INSERT INTO raw_records VALUES(55,3,'CWD',1804,'type=CWD msg=audit(1764042448.930:1289): cwd="/"');
INSERT INTO raw_records VALUES(55,4,'PATH',1805,'type=PATH msg=audit(1764042448.930:1289): item=0 name="/dev/bus/usb/001/004" inode=80669 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:usb_device_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(55,5,'PROCTITLE',1806,'type=PROCTITLE msg=audit(1764042448.930:1289): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303035');
INSERT INTO raw_records VALUES(56,0,'AVC',1807,'type=AVC msg=audit(1764042448.950:1290): avc:  denied  { open } for  pid=8865 comm="qemu-system-x86" name="vg0-ci001" dev="dm-0" ino=823049 scontext=system_u:system_r:svirt_t:s0:c20,c350 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=blk_file permissive=0');
INSERT INTO raw_records VALUES(56,1,'AVC',1808,'type=AVC msg=audit(1764042448.950:1290): avc:  denied  { open } for  pid=8865 comm="qemu-system-x86" name="vg0-ci001" dev="dm-0" ino=752211 scontext=system_u:system_r:svirt_t:s0:c20,c350 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=blk_file permissive=0');
INSERT INTO raw_records VALUES(56,2,'SYSCALL',1809,'type=SYSCALL msg=audit(1764042448.950:1290): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=cfc0cacb078 a2=80002 a3=0 items=1 ppid=1 pid=8865 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c20,c350 key=(null)');
INSERT INTO raw_records VALUES(56,3,'CWD',1810,'type=CWD msg=audit(1764042448.950:1290): cwd="/"');
INSERT INTO raw_records VALUES(56,4,'PATH',1811,'type=PATH msg=audit(1764042448.950:1290): item=0 name="/dev/mapper/vg0-ci001" inode=160816 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(56,5,'PROCTITLE',1812,'type=PROCTITLE msg=audit(1764042448.950:1290): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303038');
INSERT INTO raw_records VALUES(57,0,'AVC',1868,'type=AVC msg=audit(1764042449.125:1306): avc:  denied  { read write } for  pid=6299 comm="qemu-system-x86" name="disk.raw" dev="dm-0" ino=370468 scontext=system_u:system_r:svirt_t:s0:c495,c500 tcontext=system_u:object_r:fusefs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(57,1,'SYSCALL',1869,'type=SYSCALL msg=audit(1764042449.125:1306): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=6219e59aadd a2=80002 a3=0 items=1 ppid=1 pid=6299 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c495,c500 key=(null)');
INSERT INTO raw_records VALUES(57,2,'CWD',1870,'type=CWD msg=audit(1764042449.125:1306): cwd="/"');
INSERT INTO raw_records VALUES(57,3,'PATH',1871,'type=PATH msg=audit(1764042449.125:1306): item=0 name="/mnt/fuse/disk.raw" inode=94309 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:fusefs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(57,4,'PROCTITLE',1872,'type=PROCTITLE msg=audit(1764042449.125:1306): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303035');
INSERT INTO raw_records VALUES(58,0,'USER_AVC',2057,'type=USER_AVC msg=audit(1764042449.532:1347): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(59,0,'USER_AVC',2143,'type=USER_AVC msg=audit(1764042449.807:1371): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(60,0,'VIRT_CONTROL',2157,'type=VIRT_CONTROL msg=audit(1764042449.845:1375): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=stop reason=crashed vm="mail006" uuid=29858691-0eb7-d513-b9fa-4b24fa811b6d vm-pid=-1 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(61,0,'USER_AVC',2205,'type=USER_AVC msg=audit(1764042449.987:1392): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(62,0,'AVC',2206,'type=AVC msg=audit(1764042449.991:1393): avc:  denied  { read } for  pid=8865 comm="qemu-system-x86" name="shared.iso" dev="dm-0" ino=813237 scontext=system_u:system_r:svirt_t:s0:c20,c350 tcontext=system_u:object_r:nfs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(62,1,'SYSCALL',2207,'type=SYSCALL msg=audit(1764042449.991:1393): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=aefd6d62aa6 a2=80002 a3=0 items=1 ppid=1 pid=8865 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c20,c350 key=(null)');
INSERT INTO raw_records VALUES(62,2,'CWD',2208,'type=CWD msg=audit(1764042449.991:1393): cwd="/"');
INSERT INTO raw_records VALUES(62,3,'PATH',2209,'type=PATH msg=audit(1764042449.991:1393): item=0 name="/mnt/nfs/images/shared.iso" inode=53425 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:nfs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(62,4,'PROCTITLE',2210,'type=PROCTITLE msg=audit(1764042449.991:1393): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303038');
INSERT INTO raw_records VALUES(63,0,'AVC',2261,'type=AVC msg=audit(1764042450.150:1408): avc:  denied  { read write } for  pid=3088 comm="qemu-system-x86" name="disk.raw" dev="dm-0" ino=75849 scontext=system_u:system_r:svirt_t:s0:c645,c776 tcontext=system_u:object_r:fusefs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(63,1,'SYSCALL',2262,'type=SYSCALL msg=audit(1764042450.150:1408): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=447935abdd9 a2=80002 a3=0 items=1 ppid=1 pid=3088 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c645,c776 key=(null)');
INSERT INTO raw_records VALUES(63,2,'CWD',2263,'type=CWD msg=audit(1764042450.150:1408): cwd="/"');
INSERT INTO raw_records VALUES(63,3,'PATH',2264,'type=PATH msg=audit(1764042450.150:1408): item=0 name="/mnt/fuse/disk.raw" inode=57535 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:fusefs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(63,4,'PROCTITLE',2265,'type=PROCTITLE msg=audit(1764042450.150:1408): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D776562303034');
INSERT INTO raw_records VALUES(64,0,'AVC',2299,'type=AVC msg=audit(1764042450.247:1419): avc:  denied  { write } for  pid=11998 comm="chronyd" name="drift" dev="dm-0" ino=458962 scontext=system_u:system_r:ntpd_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(64,1,'SYSCALL',2300,'type=SYSCALL msg=audit(1764042450.247:1419): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=c4ab9c9855e a2=80002 a3=0 items=1 ppid=1 pid=11998 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="chronyd" exe="/usr/sbin/chronyd" subj=system_u:system_r:ntpd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(64,2,'CWD',2301,'type=CWD msg=audit(1764042450.247:1419): cwd="/"');
INSERT INTO raw_records VALUES(64,3,'PATH',2302,'type=PATH msg=audit(1764042450.247:1419): item=0 name="/tmp/drift" inode=22096 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:tmp_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(64,4,'PROCTITLE',2303,'type=PROCTITLE msg=audit(1764042450.247:1419): proctitle=2F7573722F7362696E2F6368726F6E7964');
INSERT INTO raw_records VALUES(65,0,'USER_AVC',2463,'type=USER_AVC msg=audit(1764042450.620:1464): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(66,0,'VIRT_MACHINE_ID',2684,'type=VIRT_MACHINE_ID msg=audit(1764042451.037:1509): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="web009" uuid=c57579e0-56c1-d3b5-b43f-ae63b75e1ede vm-ctx=system_u:system_r:svirt_t:s0:c527,c852 img-ctx=system_u:object_r:svirt_image_t:s0:c527,c852 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(67,0,'VIRT_MACHINE_ID',2685,'type=VIRT_MACHINE_ID msg=audit(1764042451.037:1510): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="web009" uuid=c57579e0-56c1-d3b5-b43f-ae63b75e1ede vm-ctx=+107:+107 img-ctx=+107:+107 model=dac exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(68,0,'VIRT_RESOURCE',2686,'type=VIRT_RESOURCE msg=audit(1764042451.037:1511): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=disk reason=start vm="web009" uuid=c57579e0-56c1-d3b5-b43f-ae63b75e1ede old-disk="?" new-disk="/var/lib/libvirt/images/web009.qcow2" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(69,0,'VIRT_RESOURCE',2687,'type=VIRT_RESOURCE msg=audit(1764042451.037:1512): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=net reason=start vm="web009" uuid=c57579e0-56c1-d3b5-b43f-ae63b75e1ede old-net="?" new-net="52:54:00:9e:cb:a1" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(70,0,'VIRT_RESOURCE',2688,'type=VIRT_RESOURCE msg=audit(1764042451.037:1513): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=mem reason=start vm="web009" uuid=c57579e0-56c1-d3b5-b43f-ae63b75e1ede old-mem=0 new-mem=2097152 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(71,0,'VIRT_RESOURCE',2689,'type=VIRT_RESOURCE msg=audit(1764042451.037:1514): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=vcpu reason=start vm="web009" uuid=c57579e0-56c1-d3b5-b43f-ae63b75e1ede old-vcpu=0 new-vcpu=2 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(72,0,'VIRT_CONTROL',2690,'type=VIRT_CONTROL msg=audit(1764042451.037:1515): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=start reason=booted vm="web009" uuid=c57579e0-56c1-d3b5-b43f-ae63b75e1ede vm-pid=13590 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(73,0,'USER_AVC',2697,'type=USER_AVC msg=audit(1764042451.052:1517): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(74,0,'AVC',2784,'type=AVC msg=audit(1764042451.246:1538): avc:  denied  { search } for  pid=13927 comm="sshd" name="custom" dev="dm-0" ino=821939 scontext=system_u:system_r:sshd_t:s0 tcontext=system_u:object_r:var_t:s0 tclass=dir permissive=0');
INSERT INTO raw_records VALUES(74,1,'SYSCALL',2785,'type=SYSCALL msg=audit(1764042451.246:1538): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=6dad65d4b2f a2=80002 a3=0 items=1 ppid=1 pid=13927 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="sshd" exe="/usr/sbin/sshd" subj=system_u:system_r:sshd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(74,2,'CWD',2786,'type=CWD msg=audit(1764042451.246:1538): cwd="/"');
INSERT INTO raw_records VALUES(74,3,'PATH',2787,'type=PATH msg=audit(1764042451.246:1538): item=0 name="/var/custom" inode=96609 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:var_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(74,4,'PROCTITLE',2788,'type=PROCTITLE msg=audit(1764042451.246:1538): proctitle=2F7573722F7362696E2F73736864');
INSERT INTO raw_records VALUES(75,0,'AVC',2884,'type=AVC msg=audit(1764042451.480:1562): avc:  denied  { write } for  pid=14372 comm="chronyd" name="drift" dev="dm-0" ino=313709 scontext=system_u:system_r:ntpd_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(75,1,'SYSCALL',2885,'type=SYSCALL msg=audit(1764042451.480:1562): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=4a6afbe0282 a2=80002 a3=0 items=1 ppid=1 pid=14372 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="chronyd" exe="/usr/sbin/chronyd" subj=system_u:system_r:ntpd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(75,2,'CWD',2886,'type=CWD msg=audit(1764042451.480:1562): cwd="/"');
INSERT INTO raw_records VALUES(75,3,'PATH',2887,'type=PATH msg=audit(1764042451.480:1562): item=0 name="/tmp/drift" inode=83121 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:tmp_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(75,4,'PROCTITLE',2888,'type=PROCTITLE msg=audit(1764042451.480:1562): proctitle=2F7573722F7362696E2F6368726F6E7964');
INSERT INTO raw_records VALUES(76,0,'AVC',3036,'type=AVC msg=audit(1764042451.829:1599): avc:  denied  { read write } for  pid=13590 comm="qemu-system-x86" name="cache005.qcow2" dev="dm-0" ino=223551 scontext=system_u:system_r:svirt_t:s0:c527,c852 tcontext=system_u:object_r:svirt_image_t:s0:c495,c500 tclass=file permissive=0');
INSERT INTO raw_records VALUES(76,1,'AVC',3037,'type=AVC msg=audit(1764042451.829:1599): avc:  denied  { open } for  pid=13590 comm="qemu-system-x86" name="cache005.qcow2" dev="dm-0" ino=959133 scontext=system_u:system_r:svirt_t:s0:c527,c852 tcontext=system_u:object_r:svirt_image_t:s0:c495,c500 tclass=file permissive=0');
INSERT INTO raw_records VALUES(76,2,'SYSCALL',3038,'type=SYSCALL msg=audit(1764042451.829:1599): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=76c622f9854 a2=80002 a3=0 items=1 ppid=1 pid=13590 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c527,c852 key=(null)');
INSERT INTO raw_records VALUES(76,3,'CWD',3039,'type=CWD msg=audit(1764042451.829:1599): cwd="/"');
INSERT INTO raw_records VALUES(76,4,'PATH',3040,'type=PATH msg=audit(1764042451.829:1599): item=0 name="/var/lib/libvirt/images/cache005.qcow2" inode=591948 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c495,c500 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(76,5,'PROCTITLE',3041,'type=PROCTITLE msg=audit(1764042451.829:1599): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D776562303039');
INSERT INTO raw_records VALUES(77,0,'AVC',3092,'type=AVC msg=audit(1764042451.949:1612): avc:  denied  { getattr } for  pid=14998 comm="httpd" name="index.html" dev="dm-0" ino=449313 scontext=system_u:system_r:httpd_t:s0 tcontext=system_u:object_r:user_home_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(77,1,'SYSCALL',3093,'type=SYSCALL msg=audit(1764042451.949:1612): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=c53a747a5dd a2=80002 a3=0 items=1 ppid=1 pid=14998 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="httpd" exe="/usr/sbin/httpd" subj=system_u:system_r:httpd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(77,2,'CWD',3094,'type=CWD msg=audit(1764042451.949:1612): cwd="/"');
INSERT INTO raw_records VALUES(77,3,'PATH',3095,'type=PATH msg=audit(1764042451.949:1612): item=0 name="/home/www/index.html" inode=22118 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:user_home_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(77,4,'PROCTITLE',3096,'type=PROCTITLE msg=audit(1764042451.949:1612): proctitle=2F7573722F7362696E2F6874747064');
INSERT INTO raw_records VALUES(78,0,'VIRT_CONTROL',3154,'type=VIRT_CONTROL msg=audit(1764042452.084:1627): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=stop reason=crashed vm="web004" uuid=0becd7b0-8e81-dbc4-2217-6b4c4a23d596 vm-pid=-1 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(79,0,'AVC',3198,'type=AVC msg=audit(1764042452.196:1637): avc:  denied  { write } for  pid=13590 comm="qemu-system-x86" name="config" dev="dm-0" ino=560082 scontext=system_u:system_r:svirt_t:s0:c527,c852 tcontext=system_u:object_r:sysfs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(79,1,'AVC',3199,'type=AVC msg=audit(1764042452.196:1637): avc:  denied  { open } for  pid=13590 comm="qemu-system-x86" name="config" dev="dm-0" ino=544936 scontext=system_u:system_r:svirt_t:s0:c527,c852 tcontext=system_u:object_r:sysfs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(79,2,'SYSCALL',3200,'type=SYSCALL msg=audit(1764042452.196:1637): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=f74344473a2 a2=80002 a3=0 items=1 ppid=1 pid=13590 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c527,c852 key=(null)');
INSERT INTO raw_records VALUES(79,3,'CWD',3201,'type=CWD msg=audit(1764042452.196:1637): cwd="/"');
INSERT INTO raw_records VALUES(79,4,'PATH',3202,'type=PATH msg=audit(1764042452.196:1637): item=0 name="/sys/bus/pci/devices/0000:03:00.0/config" inode=96347 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:sysfs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(79,5,'PROCTITLE',3203,'type=PROCTITLE msg=audit(1764042452.196:1637): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D776562303039');
INSERT INTO raw_records VALUES(80,0,'AVC',3252,'type=AVC msg=audit(1764042452.352:1655): avc:  denied  { ptrace } for  pid=8783 comm="qemu-system-x86" scontext=system_u:system_r:svirt_t:s0:c761,c876 tcontext=system_u:system_r:svirt_t:s0:c20,c350 tclass=process permissive=0');
INSERT INTO raw_records VALUES(80,1,'SYSCALL',3253,'type=SYSCALL msg=audit(1764042452.352:1655): arch=c000003e syscall=101 success=no exit=-13 a0=ffffff9c a1=be5bc5a0d14 a2=80002 a3=0 items=0 ppid=1 pid=8783 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c761,c876 key=(null)');
INSERT INTO raw_records VALUES(80,2,'PROCTITLE',3254,'type=PROCTITLE msg=audit(1764042452.352:1655): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D76706E303037');
INSERT INTO raw_records VALUES(81,0,'VIRT_MACHINE_ID',3271,'type=VIRT_MACHINE_ID msg=audit(1764042452.387:1659): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="db010" uuid=6641f7cc-3d89-a764-db48-3e5a6c212283 vm-ctx=system_u:system_r:svirt_t:s0:c813,c949 img-ctx=system_u:object_r:svirt_image_t:s0:c813,c949 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(82,0,'VIRT_MACHINE_ID',3272,'type=VIRT_MACHINE_ID msg=audit(1764042452.387:1660): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="db010" uuid=6641f7cc-3d89-a764-db48-3e5a6c212283 vm-ctx=+107:+107 img-ctx=+107:+107 model=dac exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(83,0,'VIRT_RESOURCE',3273,'type=VIRT_RESOURCE msg=audit(1764042452.387:1661): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=disk reason=start vm="db010" uuid=6641f7cc-3d89-a764-db48-3e5a6c212283 old-disk="?" new-disk="/var/lib/libvirt/images/db010.qcow2" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(84,0,'VIRT_RESOURCE',3274,'type=VIRT_RESOURCE msg=audit(1764042452.387:1662): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=net reason=start vm="db010" uuid=6641f7cc-3d89-a764-db48-3e5a6c212283 old-net="?" new-net="52:54:00:7b:c1:13" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(85,0,'VIRT_RESOURCE',3275,'type=VIRT_RESOURCE msg=audit(1764042452.387:1663): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=mem reason=start vm="db010" uuid=6641f7cc-3d89-a764-db48-3e5a6c212283 old-mem=0 new-mem=2097152 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(86,0,'VIRT_RESOURCE',3276,'type=VIRT_RESOURCE msg=audit(1764042452.387:1664): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=vcpu reason=start vm="db010" uuid=6641f7cc-3d89-a764-db48-3e5a6c212283 old-vcpu=0 new-vcpu=2 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(87,0,'VIRT_CONTROL',3277,'type=VIRT_CONTROL msg=audit(1764042452.387:1665): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=start reason=booted vm="db010" uuid=6641f7cc-3d89-a764-db48-3e5a6c212283 vm-pid=15637 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(88,0,'USER_AVC',3288,'type=USER_AVC msg=audit(1764042452.421:1668): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(89,0,'USER_AVC',3379,'type=USER_AVC msg=audit(1764042452.624:1686): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(90,0,'USER_AVC',3430,'type=USER_AVC msg=audit(1764042452.761:1698): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(91,0,'AVC',3469,'type=AVC msg=audit(1764042452.828:1706): avc:  denied  { read } for  pid=3012 comm="qemu-system-x86" name="cache008.qcow2" dev="dm-0" ino=493818 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:svirt_image_t:s0:c20,c350 tclass=file permissive=0');
INSERT INTO raw_records VALUES(91,1,'SYSCALL',3470,'type=SYSCALL msg=audit(1764042452.828:1706): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=99bdfef49f7 a2=80002 a3=0 items=1 ppid=1 pid=3012 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(91,2,'CWD',3471,'type=CWD msg=audit(1764042452.828:1706): cwd="/"');
INSERT INTO raw_records VALUES(91,3,'PATH',3472,'type=PATH msg=audit(1764042452.828:1706): item=0 name="/var/lib/libvirt/images/cache008.qcow2" inode=194016 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c20,c350 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(91,4,'PROCTITLE',3473,'type=PROCTITLE msg=audit(1764042452.828:1706): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6369303031');
INSERT INTO raw_records VALUES(92,0,'USER_AVC',3712,'type=USER_AVC msg=audit(1764042453.335:1762): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(93,0,'AVC',3733,'type=AVC msg=audit(1764042453.389:1767): avc:  denied  { write } for  pid=3074 comm="qemu-system-x86" name="install.iso" dev="dm-0" ino=329766 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:svirt_content_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(93,1,'SYSCALL',3734,'type=SYSCALL msg=audit(1764042453.389:1767): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=8d272b0f118 a2=80002 a3=0 items=1 ppid=1 pid=3074 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c420,c531 key=(null)');
INSERT INTO raw_records VALUES(93,2,'CWD',3735,'type=CWD msg=audit(1764042453.389:1767): cwd="/"');
INSERT INTO raw_records VALUES(93,3,'PATH',3736,'type=PATH msg=audit(1764042453.389:1767): item=0 name="/var/lib/libvirt/images/install.iso" inode=33983 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_content_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(93,4,'PROCTITLE',3737,'type=PROCTITLE msg=audit(1764042453.389:1767): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6C646170303033');
INSERT INTO raw_records VALUES(94,0,'AVC',3850,'type=AVC msg=audit(1764042453.623:1798): avc:  denied  { search } for  pid=18045 comm="sshd" name="custom" dev="dm-0" ino=796926 scontext=system_u:system_r:sshd_t:s0 tcontext=system_u:object_r:var_t:s0 tclass=dir permissive=0');
INSERT INTO raw_records VALUES(94,1,'SYSCALL',3851,'type=SYSCALL msg=audit(1764042453.623:1798): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=44bce8d05ff a2=80002 a3=0 items=1 ppid=1 pid=18045 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="sshd" exe="/usr/sbin/sshd" subj=system_u:system_r:sshd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(94,2,'CWD',3852,'type=CWD msg=audit(1764042453.623:1798): cwd="/"');
INSERT INTO raw_records VALUES(94,3,'PATH',3853,'type=PATH msg=audit(1764042453.623:1798): item=0 name="/var/custom" inode=79097 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:var_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(94,4,'PROCTITLE',3854,'type=PROCTITLE msg=audit(1764042453.623:1798): proctitle=2F7573722F7362696E2F73736864');
INSERT INTO raw_records VALUES(95,0,'AVC',3901,'type=AVC msg=audit(1764042453.700:1808): avc:  denied  { open } for  pid=6299 comm="qemu-system-x86" name="web009.qcow2" dev="dm-0" ino=928020 scontext=system_u:system_r:svirt_t:s0:c495,c500 tcontext=system_u:object_r:svirt_image_t:s0:c527,c852 tclass=file permissive=0');
INSERT INTO raw_records VALUES(95,1,'SYSCALL',3902,'type=SYSCALL msg=audit(1764042453.700:1808): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=911e46690f5 a2=80002 a3=0 items=1 ppid=1 pid=6299 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c495,c500 key=(null)');
INSERT INTO raw_records VALUES(95,2,'CWD',3903,'type=CWD msg=audit(1764042453.700:1808): cwd="/"');
INSERT INTO raw_records VALUES(95,3,'PATH',3904,'type=PATH msg=audit(1764042453.700:1808): item=0 name="/var/lib/libvirt/images/web009.qcow2" inode=836053 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c527,c852 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(95,4,'PROCTITLE',3905,'type=PROCTITLE msg=audit(1764042453.700:1808): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303035');
INSERT INTO raw_records VALUES(96,0,'AVC',3950,'type=AVC msg=audit(1764042453.771:1817): avc:  denied  { write } for  pid=18494 comm="chronyd" name="drift" dev="dm-0" ino=101996 scontext=system_u:system_r:ntpd_t:s0 tcontext=system_u:object_r:tmp_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(96,1,'SYSCALL',3951,'type=SYSCALL msg=audit(1764042453.771:1817): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=40c6042a7c2 a2=80002 a3=0 items=1 ppid=1 pid=18494 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="chronyd" exe="/usr/sbin/chronyd" subj=system_u:system_r:ntpd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(96,2,'CWD',3952,'type=CWD msg=audit(1764042453.771:1817): cwd="/"');
INSERT INTO raw_records VALUES(96,3,'PATH',3953,'type=PATH msg=audit(1764042453.771:1817): item=0 name="/tmp/drift" inode=40768 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:tmp_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(96,4,'PROCTITLE',3954,'type=PROCTITLE msg=audit(1764042453.771:1817): proctitle=2F7573722F7362696E2F6368726F6E7964');
INSERT INTO raw_records VALUES(97,0,'AVC',3985,'type=AVC msg=audit(1764042453.831:1823): avc:  denied  { read } for  pid=3012 comm="qemu-system-x86" name="shadow" dev="dm-0" ino=636361 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(97,1,'AVC',3986,'type=AVC msg=audit(1764042453.831:1823): avc:  denied  { open } for  pid=3012 comm="qemu-system-x86" name="shadow" dev="dm-0" ino=553326 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(97,2,'SYSCALL',3987,'type=SYSCALL msg=audit(1764042453.831:1823): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=f9fec82e574 a2=80002 a3=0 items=1 ppid=1 pid=3012 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(97,3,'CWD',3988,'type=CWD msg=audit(1764042453.831:1823): cwd="/"');
INSERT INTO raw_records VALUES(97,4,'PATH',3989,'type=PATH msg=audit(1764042453.831:1823): item=0 name="/etc/shadow" inode=58480 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:shadow_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(97,5,'PROCTITLE',3990,'type=PROCTITLE msg=audit(1764042453.831:1823): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6369303031');
INSERT INTO raw_records VALUES(98,0,'AVC',4020,'type=AVC msg=audit(1764042453.897:1832): avc:  denied  { read write } for  pid=3074 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=240614 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0');
INSERT INTO raw_records VALUES(98,1,'AVC',4021,'type=AVC msg=audit(1764042453.897:1832): avc:  denied  { open } for  pid=3074 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=439470 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=0');
INSERT INTO raw_records VALUES(98,2,'SYSCALL',4022,'type=SYSCALL msg=audit(1764042453.897:1832): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=11b2e68fbe3 a2=80002 a3=0 items=1 ppid=1 pid=3074 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c420,c531 key=(null)');
INSERT INTO raw_records VALUES(98,3,'CWD',4023,'type=CWD msg=audit(1764042453.897:1832): cwd="/"');
INSERT INTO raw_records VALUES(98,4,'PATH',4024,'type=PATH msg=audit(1764042453.897:1832): item=0 name="/var/lib/libvirt/images/ci001.qcow2" inode=160816 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(98,5,'PROCTITLE',4025,'type=PROCTITLE msg=audit(1764042453.897:1832): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6C646170303033');
INSERT INTO raw_records VALUES(99,0,'AVC',4103,'type=AVC msg=audit(1764042454.071:1858): avc:  denied  { read } for  pid=3074 comm="qemu-system-x86" name="shared.iso" dev="dm-0" ino=447158 scontext=system_u:system_r:svirt_t:s0:c420,c531 tcontext=system_u:object_r:nfs_t:s0 tclass=file permissive=0');
INSERT INTO raw_records VALUES(99,1,'SYSCALL',4104,'type=SYSCALL msg=audit(1764042454.071:1858): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=805a50629e7 a2=80002 a3=0 items=1 ppid=1 pid=3074 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c420,c531 key=(null)');
INSERT INTO raw_records VALUES(99,2,'CWD',4105,'type=CWD msg=audit(1764042454.071:1858): cwd="/"');
INSERT INTO raw_records VALUES(99,3,'PATH',4106,'type=PATH msg=audit(1764042454.071:1858): item=0 name="/mnt/nfs/images/shared.iso" inode=24108 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:nfs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(99,4,'PROCTITLE',4107,'type=PROCTITLE msg=audit(1764042454.071:1858): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6C646170303033');
INSERT INTO raw_records VALUES(100,0,'USER_AVC',4218,'type=USER_AVC msg=audit(1764042454.352:1896): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(101,0,'AVC',4223,'type=AVC msg=audit(1764042454.368:1898): avc:  denied  { read write } for  pid=15637 comm="qemu-system-x86" name="ldap003.qcow2" dev="dm-0" ino=587114 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:svirt_image_t:s0:c420,c531 tclass=file permissive=0');
INSERT INTO raw_records VALUES(101,1,'SYSCALL',4224,'type=SYSCALL msg=audit(1764042454.368:1898): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=11dcc58b219 a2=80002 a3=0 items=1 ppid=1 pid=15637 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(101,2,'CWD',4225,'type=CWD msg=audit(1764042454.368:1898): cwd="/"');
INSERT INTO raw_records VALUES(101,3,'PATH',4226,'type=PATH msg=audit(1764042454.368:1898): item=0 name="/var/lib/libvirt/images/ldap003.qcow2" inode=705136 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c420,c531 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(101,4,'PROCTITLE',4227,'type=PROCTITLE msg=audit(1764042454.368:1898): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6462303130');
INSERT INTO raw_records VALUES(102,0,'AVC',4274,'type=AVC msg=audit(1764042454.482:1909): avc:  denied  { search } for  pid=19889 comm="sshd" name="custom" dev="dm-0" ino=347305 scontext=system_u:system_r:sshd_t:s0 tcontext=system_u:object_r:var_t:s0 tclass=dir permissive=0');
INSERT INTO raw_records VALUES(102,1,'SYSCALL',4275,'type=SYSCALL msg=audit(1764042454.482:1909): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=48c4e2adf1b a2=80002 a3=0 items=1 ppid=1 pid=19889 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="sshd" exe="/usr/sbin/sshd" subj=system_u:system_r:sshd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(102,2,'CWD',4276,'type=CWD msg=audit(1764042454.482:1909): cwd="/"');
INSERT INTO raw_records VALUES(102,3,'PATH',4277,'type=PATH msg=audit(1764042454.482:1909): item=0 name="/var/custom" inode=24047 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:var_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(102,4,'PROCTITLE',4278,'type=PROCTITLE msg=audit(1764042454.482:1909): proctitle=2F7573722F7362696E2F73736864');
INSERT INTO raw_records VALUES(103,0,'AVC',4307,'type=AVC msg=audit(1764042454.524:1916): avc:  denied  { read write } for  pid=13590 comm="qemu-system-x86" name="sdb" dev="dm-0" ino=429769 scontext=system_u:system_r:svirt_t:s0:c527,c852 tcontext=system_u:object_r:fixed_disk_t:s0 tclass=blk_file permissive=0');
INSERT INTO raw_records VALUES(103,1,'SYSCALL',4308,'type=SYSCALL msg=audit(1764042454.524:1916): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=65fd1add61f a2=80002 a3=0 items=1 ppid=1 pid=13590 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c527,c852 key=(null)');
INSERT INTO raw_records VALUES(103,2,'CWD',4309,'type=CWD msg=audit(1764042454.524:1916): cwd="/"');
INSERT INTO raw_records VALUES(103,3,'PATH',4310,'type=PATH msg=audit(1764042454.524:1916): item=0 name="/dev/sdb" inode=12129 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:fixed_disk_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(103,4,'PROCTITLE',4311,'type=PROCTITLE msg=audit(1764042454.524:1916): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D776562303039');
INSERT INTO raw_records VALUES(104,0,'USER_AVC',4427,'type=USER_AVC msg=audit(1764042454.735:1948): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(105,0,'AVC',4513,'type=AVC msg=audit(1764042454.892:1968): avc:  denied  { search } for  pid=20809 comm="sshd" name="custom" dev="dm-0" ino=593703 scontext=system_u:system_r:sshd_t:s0 tcontext=system_u:object_r:var_t:s0 tclass=dir permissive=0');
INSERT INTO raw_records VALUES(105,1,'SYSCALL',4514,'type=SYSCALL msg=audit(1764042454.892:1968): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=531fcd5ccdc a2=80002 a3=0 items=1 ppid=1 pid=20809 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="sshd" exe="/usr/sbin/sshd" subj=system_u:system_r:sshd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(105,2,'CWD',4515,'type=CWD msg=audit(1764042454.892:1968): cwd="/"');
INSERT INTO raw_records VALUES(105,3,'PATH',4516,'type=PATH msg=audit(1764042454.892:1968): item=0 name="/var/custom" inode=90332 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:var_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(105,4,'PROCTITLE',4517,'type=PROCTITLE msg=audit(1764042454.892:1968): proctitle=2F7573722F7362696E2F73736864');
INSERT INTO raw_records VALUES(106,0,'AVC',4518,'type=AVC msg=audit(1764042454.907:1969): avc:  denied  { read write } for  pid=15637 comm="qemu-system-x86" name="ldap003.qcow2" dev="dm-0" ino=953617 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:svirt_image_t:s0:c420,c531 tclass=file permissive=0');
INSERT INTO raw_records VALUES(106,1,'SYSCALL',4519,'type=SYSCALL msg=audit(1764042454.907:1969): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=f05c80da632 a2=80002 a3=0 items=1 ppid=1 pid=15637 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(106,2,'CWD',4520,'type=CWD msg=audit(1764042454.907:1969): cwd="/"');
INSERT INTO raw_records VALUES(106,3,'PATH',4521,'type=PATH msg=audit(1764042454.907:1969): item=0 name="/var/lib/libvirt/images/ldap003.qcow2" inode=705136 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c420,c531 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(106,4,'PROCTITLE',4522,'type=PROCTITLE msg=audit(1764042454.907:1969): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6462303130');
INSERT INTO raw_records VALUES(107,0,'AVC',4542,'type=AVC msg=audit(1764042454.960:1977): avc:  denied  { read write } for  pid=6299 comm="qemu-system-x86" name="vpn007.qcow2" dev="dm-0" ino=518178 scontext=system_u:system_r:svirt_t:s0:c495,c500 tcontext=system_u:object_r:svirt_image_t:s0:c761,c876 tclass=file permissive=0');
INSERT INTO raw_records VALUES(107,1,'SYSCALL',4543,'type=SYSCALL msg=audit(1764042454.960:1977): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=2ad20a7c53 a2=80002 a3=0 items=1 ppid=1 pid=6299 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c495,c500 key=(null)');
INSERT INTO raw_records VALUES(107,2,'CWD',4544,'type=CWD msg=audit(1764042454.960:1977): cwd="/"');
INSERT INTO raw_records VALUES(107,3,'PATH',4545,'type=PATH msg=audit(1764042454.960:1977): item=0 name="/var/lib/libvirt/images/vpn007.qcow2" inode=555334 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c761,c876 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(107,4,'PROCTITLE',4546,'type=PROCTITLE msg=audit(1764042454.960:1977): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303035');
INSERT INTO raw_records VALUES(108,0,'AVC',4567,'type=AVC msg=audit(1764042455.011:1982): avc:  denied  { read write } for  pid=8865 comm="qemu-system-x86" name="ttyS1" dev="dm-0" ino=269127 scontext=system_u:system_r:svirt_t:s0:c20,c350 tcontext=system_u:object_r:tty_device_t:s0 tclass=chr_file permissive=0');
INSERT INTO raw_records VALUES(108,1,'SYSCALL',4568,'type=SYSCALL msg=audit(1764042455.011:1982): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=337e3ce8efb a2=80002 a3=0 items=1 ppid=1 pid=8865 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c20,c350 key=(null)');
INSERT INTO raw_records VALUES(108,2,'CWD',4569,'type=CWD msg=audit(1764042455.011:1982): cwd="/"');
INSERT INTO raw_records VALUES(108,3,'PATH',4570,'type=PATH msg=audit(1764042455.011:1982): item=0 name="/dev/ttyS1" inode=47793 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:tty_device_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(108,4,'PROCTITLE',4571,'type=PROCTITLE msg=audit(1764042455.011:1982): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303038');
INSERT INTO raw_records VALUES(109,0,'AVC',4606,'type=AVC msg=audit(1764042455.079:1991): avc:  denied  { search } for  pid=21087 comm="sshd" name="custom" dev="dm-0" ino=13295 scontext=system_u:system_r:sshd_t:s0 tcontext=system_u:object_r:var_t:s0 tclass=dir permissive=0');
INSERT INTO raw_records VALUES(109,1,'SYSCALL',4607,'type=SYSCALL msg=audit(1764042455.079:1991): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=30a7baf44c5 a2=80002 a3=0 items=1 ppid=1 pid=21087 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="sshd" exe="/usr/sbin/sshd" subj=system_u:system_r:sshd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(109,2,'CWD',4608,'type=CWD msg=audit(1764042455.079:1991): cwd="/"');
INSERT INTO raw_records VALUES(109,3,'PATH',4609,'type=PATH msg=audit(1764042455.079:1991): item=0 name="/var/custom" inode=9547 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:var_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(109,4,'PROCTITLE',4610,'type=PROCTITLE msg=audit(1764042455.079:1991): proctitle=2F7573722F7362696E2F73736864');
INSERT INTO raw_records VALUES(110,0,'AVC',4617,'type=AVC msg=audit(1764042455.089:1993): avc:  denied  { sigkill } for  pid=8865 comm="qemu-system-x86" scontext=system_u:system_r:svirt_t:s0:c20,c350 tcontext=system_u:system_r:svirt_t:s0:c813,c949 tclass=process permissive=0');
INSERT INTO raw_records VALUES(110,1,'SYSCALL',4618,'type=SYSCALL msg=audit(1764042455.089:1993): arch=c000003e syscall=62 success=no exit=-13 a0=ffffff9c a1=400840dd5c8 a2=80002 a3=0 items=0 ppid=1 pid=8865 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c20,c350 key=(null)');
INSERT INTO raw_records VALUES(110,2,'PROCTITLE',4619,'type=PROCTITLE msg=audit(1764042455.089:1993): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303038');
INSERT INTO raw_records VALUES(111,0,'AVC',4627,'type=AVC msg=audit(1764042455.098:1998): avc:  denied  { signal } for  pid=15637 comm="qemu-system-x86" scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:system_r:svirt_t:s0:c527,c852 tclass=process permissive=0');
INSERT INTO raw_records VALUES(111,1,'SYSCALL',4628,'type=SYSCALL msg=audit(1764042455.098:1998): arch=c000003e syscall=62 success=no exit=-13 a0=ffffff9c a1=3c97d2d0449 a2=80002 a3=0 items=0 ppid=1 pid=15637 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(111,2,'PROCTITLE',4629,'type=PROCTITLE msg=audit(1764042455.098:1998): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6462303130');
INSERT INTO raw_records VALUES(112,0,'USER_AVC',4720,'type=USER_AVC msg=audit(1764042455.360:2025): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(113,0,'AVC',4778,'type=AVC msg=audit(1764042455.465:2040): avc:  denied  { read } for  pid=15637 comm="qemu-system-x86" name="cache005.qcow2" dev="dm-0" ino=756060 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:svirt_image_t:s0:c495,c500 tclass=file permissive=0');
INSERT INTO raw_records VALUES(113,1,'SYSCALL',4779,'type=SYSCALL msg=audit(1764042455.465:2040): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=7d4db20555a a2=80002 a3=0 items=1 ppid=1 pid=15637 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(113,2,'CWD',4780,'type=CWD msg=audit(1764042455.465:2040): cwd="/"');
INSERT INTO raw_records VALUES(113,3,'PATH',4781,'type=PATH msg=audit(1764042455.465:2040): item=0 name="/var/lib/libvirt/images/cache005.qcow2" inode=591948 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c495,c500 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(113,4,'PROCTITLE',4782,'type=PROCTITLE msg=audit(1764042455.465:2040): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6462303130');
INSERT INTO raw_records VALUES(114,0,'MAC_STATUS',4813,'type=MAC_STATUS msg=audit(1764042455.554:2047): enforcing=0 old_enforcing=1 auid=1000 ses=3 enabled=1 old-enabled=1 lsm=selinux res=1');
INSERT INTO raw_records VALUES(114,1,'SYSCALL',4814,'type=SYSCALL msg=audit(1764042455.554:2047): arch=c000003e syscall=1 success=yes exit=1 a0=ffffff9c a1=dd367fb1a59 a2=80002 a3=0 items=0 ppid=21932 pid=21933 auid=1000 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=3 comm="setenforce" exe="/usr/sbin/setenforce" subj=unconfined_u:unconfined_r:unconfined_t:s0-s0:c0.c1023 key=(null)');
INSERT INTO raw_records VALUES(114,2,'PROCTITLE',4815,'type=PROCTITLE msg=audit(1764042455.554:2047): proctitle=736574656E666F7263650030');
INSERT INTO raw_records VALUES(115,0,'AVC',4893,'type=AVC msg=audit(1764042455.724:2070): avc:  denied  { read } for  pid=8865 comm="qemu-system-x86" name="shadow" dev="dm-0" ino=540274 scontext=system_u:system_r:svirt_t:s0:c20,c350 tcontext=system_u:object_r:shadow_t:s0 tclass=file permissive=1');
INSERT INTO raw_records VALUES(115,1,'SYSCALL',4894,'type=SYSCALL msg=audit(1764042455.724:2070): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=1318e9c3c54 a2=80002 a3=0 items=1 ppid=1 pid=8865 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c20,c350 key=(null)');
INSERT INTO raw_records VALUES(115,2,'CWD',4895,'type=CWD msg=audit(1764042455.724:2070): cwd="/"');
INSERT INTO raw_records VALUES(115,3,'PATH',4896,'type=PATH msg=audit(1764042455.724:2070): item=0 name="/etc/shadow" inode=56092 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:shadow_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(115,4,'PROCTITLE',4897,'type=PROCTITLE msg=audit(1764042455.724:2070): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303038');
INSERT INTO raw_records VALUES(116,0,'AVC',4903,'type=AVC msg=audit(1764042455.755:2073): avc:  denied  { read } for  pid=8865 comm="qemu-system-x86" name="ci001.qcow2" dev="dm-0" ino=686338 scontext=system_u:system_r:svirt_t:s0:c20,c350 tcontext=system_u:object_r:svirt_image_t:s0:c813,c949 tclass=file permissive=1');
INSERT INTO raw_records VALUES(116,1,'SYSCALL',4904,'type=SYSCALL msg=audit(1764042455.755:2073): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=6b2d3237b2 a2=80002 a3=0 items=1 ppid=1 pid=8865 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c20,c350 key=(null)');
INSERT INTO raw_records VALUES(116,2,'CWD',4905,'type=CWD msg=audit(1764042455.755:2073): cwd="/"');
INSERT INTO raw_records VALUES(116,3,'PATH',4906,'type=PATH msg=audit(1764042455.755:2073): item=0 name="/var/lib/libvirt/images/ci001.qcow2" inode=160816 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_image_t:s0:c813,c949 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(116,4,'PROCTITLE',4907,'type=PROCTITLE msg=audit(1764042455.755:2073): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303038');
INSERT INTO raw_records VALUES(117,0,'AVC',4920,'type=AVC msg=audit(1764042455.785:2076): avc:  denied  { search } for  pid=22376 comm="sshd" name="custom" dev="dm-0" ino=492461 scontext=system_u:system_r:sshd_t:s0 tcontext=system_u:object_r:var_t:s0 tclass=dir permissive=1');
INSERT INTO raw_records VALUES(117,1,'SYSCALL',4921,'type=SYSCALL msg=audit(1764042455.785:2076): arch=c000003e syscall=257 success=no exit=-13 a0=ffffff9c a1=166aed635e9 a2=80002 a3=0 items=1 ppid=1 pid=22376 auid=4294967295 uid=0 gid=0 euid=0 suid=0 fsuid=0 egid=0 sgid=0 fsgid=0 tty=(none) ses=4294967295 comm="sshd" exe="/usr/sbin/sshd" subj=system_u:system_r:sshd_t:s0 key=(null)');
INSERT INTO raw_records VALUES(117,2,'CWD',4922,'type=CWD msg=audit(1764042455.785:2076): cwd="/"');
INSERT INTO raw_records VALUES(117,3,'PATH',4923,'type=PATH msg=audit(1764042455.785:2076): item=0 name="/var/custom" inode=53068 dev=fd:00 mode=0100644 ouid=0 ogid=0 rdev=00:00 obj=system_u:object_r:var_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(117,4,'PROCTITLE',4924,'type=PROCTITLE msg=audit(1764042455.785:2076): proctitle=2F7573722F7362696E2F73736864');
INSERT INTO raw_records VALUES(118,0,'USER_AVC',4934,'type=USER_AVC msg=audit(1764042455.811:2081): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
INSERT INTO raw_records VALUES(119,0,'VIRT_CONTROL',5133,'type=VIRT_CONTROL msg=audit(1764042456.250:2127): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=stop reason=shutdown vm="ci001" uuid=128b2f33-d23f-892f-1818-95315d9dc9f8 vm-pid=-1 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(120,0,'VIRT_MACHINE_ID',5171,'type=VIRT_MACHINE_ID msg=audit(1764042456.369:2137): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="dns011" uuid=28dca2d3-c52e-a112-4ade-d4daf572617b vm-ctx=system_u:system_r:svirt_t:s0:c192,c755 img-ctx=system_u:object_r:svirt_image_t:s0:c192,c755 model=selinux exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(121,0,'VIRT_MACHINE_ID',5172,'type=VIRT_MACHINE_ID msg=audit(1764042456.369:2138): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm vm="dns011" uuid=28dca2d3-c52e-a112-4ade-d4daf572617b vm-ctx=+107:+107 img-ctx=+107:+107 model=dac exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(122,0,'VIRT_RESOURCE',5173,'type=VIRT_RESOURCE msg=audit(1764042456.369:2139): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=disk reason=start vm="dns011" uuid=28dca2d3-c52e-a112-4ade-d4daf572617b old-disk="?" new-disk="/var/lib/libvirt/images/dns011.qcow2" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(123,0,'VIRT_RESOURCE',5174,'type=VIRT_RESOURCE msg=audit(1764042456.369:2140): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=net reason=start vm="dns011" uuid=28dca2d3-c52e-a112-4ade-d4daf572617b old-net="?" new-net="52:54:00:38:a3:49" exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(124,0,'VIRT_RESOURCE',5175,'type=VIRT_RESOURCE msg=audit(1764042456.369:2141): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=mem reason=start vm="dns011" uuid=28dca2d3-c52e-a112-4ade-d4daf572617b old-mem=0 new-mem=2097152 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(125,0,'VIRT_RESOURCE',5176,'type=VIRT_RESOURCE msg=audit(1764042456.369:2142): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm resrc=vcpu reason=start vm="dns011" uuid=28dca2d3-c52e-a112-4ade-d4daf572617b old-vcpu=0 new-vcpu=2 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(126,0,'VIRT_CONTROL',5177,'type=VIRT_CONTROL msg=audit(1764042456.369:2143): pid=1200 uid=0 auid=4294967295 ses=4294967295 subj=system_u:system_r:virtqemud_t:s0-s0:c0.c1023 msg=''virt=kvm op=start reason=booted vm="dns011" uuid=28dca2d3-c52e-a112-4ade-d4daf572617b vm-pid=23396 exe="/usr/bin/virtqemud" hostname=? addr=? terminal=? res=success''');
INSERT INTO raw_records VALUES(127,0,'AVC',5306,'type=AVC msg=audit(1764042456.653:2182): avc:  denied  { read } for  pid=8865 comm="qemu-system-x86" name="retired.qcow2" dev="dm-0" ino=604482 scontext=system_u:system_r:svirt_t:s0:c20,c350 tcontext=system_u:object_r:virt_content_t:s0 tclass=file permissive=1');
INSERT INTO raw_records VALUES(127,1,'SYSCALL',5307,'type=SYSCALL msg=audit(1764042456.653:2182): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=cb6cff4a7bd a2=80002 a3=0 items=1 ppid=1 pid=8865 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c20,c350 key=(null)');
INSERT INTO raw_records VALUES(127,2,'CWD',5308,'type=CWD msg=audit(1764042456.653:2182): cwd="/"');
INSERT INTO raw_records VALUES(127,3,'PATH',5309,'type=PATH msg=audit(1764042456.653:2182): item=0 name="/var/lib/libvirt/images/retired.qcow2" inode=97522 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:virt_content_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(127,4,'PROCTITLE',5310,'type=PROCTITLE msg=audit(1764042456.653:2182): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303038');
INSERT INTO raw_records VALUES(128,0,'AVC',5331,'type=AVC msg=audit(1764042456.677:2187): avc:  denied  { write } for  pid=15637 comm="qemu-system-x86" name="install.iso" dev="dm-0" ino=993822 scontext=system_u:system_r:svirt_t:s0:c813,c949 tcontext=system_u:object_r:svirt_content_t:s0 tclass=file permissive=1');
INSERT INTO raw_records VALUES(128,1,'SYSCALL',5332,'type=SYSCALL msg=audit(1764042456.677:2187): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=77f1fee040f a2=80002 a3=0 items=1 ppid=1 pid=15637 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c813,c949 key=(null)');
INSERT INTO raw_records VALUES(128,2,'CWD',5333,'type=CWD msg=audit(1764042456.677:2187): cwd="/"');
INSERT INTO raw_records VALUES(128,3,'PATH',5334,'type=PATH msg=audit(1764042456.677:2187): item=0 name="/var/lib/libvirt/images/install.iso" inode=10782 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:svirt_content_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(128,4,'PROCTITLE',5335,'type=PROCTITLE msg=audit(1764042456.677:2187): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6462303130');
INSERT INTO raw_records VALUES(129,0,'AVC',5646,'type=AVC msg=audit(1764042457.457:2269): avc:  denied  { read write } for  pid=23396 comm="qemu-system-x86" name="004" dev="dm-0" ino=591573 scontext=system_u:system_r:svirt_t:s0:c192,c755 tcontext=system_u:object_r:usb_device_t:s0 tclass=chr_file permissive=1');
INSERT INTO raw_records VALUES(129,1,'SYSCALL',5647,'type=SYSCALL msg=audit(1764042457.457:2269): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=b09f6c6e80d a2=80002 a3=0 items=1 ppid=1 pid=23396 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c192,c755 key=(null)');
INSERT INTO raw_records VALUES(129,2,'CWD',5648,'type=CWD msg=audit(1764042457.457:2269): cwd="/"');
INSERT INTO raw_records VALUES(129,3,'PATH',5649,'type=PATH msg=audit(1764042457.457:2269): item=0 name="/dev/bus/usb/001/004" inode=46166 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:usb_device_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(129,4,'PROCTITLE',5650,'type=PROCTITLE msg=audit(1764042457.457:2269): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D646E73303131');
INSERT INTO raw_records VALUES(130,0,'AVC',5661,'type=AVC msg=audit(1764042457.496:2272): avc:  denied  { read } for  pid=23396 comm="qemu-system-x86" name="retired.qcow2" dev="dm-0" ino=830884 scontext=system_u:system_r:svirt_t:s0:c192,c755 tcontext=system_u:object_r:virt_content_t:s0 tclass=file permissive=1');
INSERT INTO raw_records VALUES(130,1,'SYSCALL',5662,'type=SYSCALL msg=audit(1764042457.496:2272): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=ea1ee6376b9 a2=80002 a3=0 items=1 ppid=1 pid=23396 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c192,c755 key=(null)');
INSERT INTO raw_records VALUES(130,2,'CWD',5663,'type=CWD msg=audit(1764042457.496:2272): cwd="/"');
INSERT INTO raw_records VALUES(130,3,'PATH',5664,'type=PATH msg=audit(1764042457.496:2272): item=0 name="/var/lib/libvirt/images/retired.qcow2" inode=95557 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:virt_content_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(130,4,'PROCTITLE',5665,'type=PROCTITLE msg=audit(1764042457.496:2272): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D646E73303131');
INSERT INTO raw_records VALUES(131,0,'AVC',5716,'type=AVC msg=audit(1764042457.631:2283): avc:  denied  { write } for  pid=6299 comm="qemu-system-x86" name="config" dev="dm-0" ino=952139 scontext=system_u:system_r:svirt_t:s0:c495,c500 tcontext=system_u:object_r:sysfs_t:s0 tclass=file permissive=1');
INSERT INTO raw_records VALUES(131,1,'AVC',5717,'type=AVC msg=audit(1764042457.631:2283): avc:  denied  { open } for  pid=6299 comm="qemu-system-x86" name="config" dev="dm-0" ino=347753 scontext=system_u:system_r:svirt_t:s0:c495,c500 tcontext=system_u:object_r:sysfs_t:s0 tclass=file permissive=1');
INSERT INTO raw_records VALUES(131,2,'SYSCALL',5718,'type=SYSCALL msg=audit(1764042457.631:2283): arch=c000003e syscall=257 success=yes exit=3 a0=ffffff9c a1=10f6fb91ea2 a2=80002 a3=0 items=1 ppid=1 pid=6299 auid=4294967295 uid=107 gid=107 euid=107 suid=107 fsuid=107 egid=107 sgid=107 fsgid=107 tty=(none) ses=4294967295 comm="qemu-system-x86" exe="/usr/bin/qemu-system-x86_64" subj=system_u:system_r:svirt_t:s0:c495,c500 key=(null)');
INSERT INTO raw_records VALUES(131,3,'CWD',5719,'type=CWD msg=audit(1764042457.631:2283): cwd="/"');
INSERT INTO raw_records VALUES(131,4,'PATH',5720,'type=PATH msg=audit(1764042457.631:2283): item=0 name="/sys/bus/pci/devices/0000:03:00.0/config" inode=68076 dev=fd:00 mode=0100600 ouid=107 ogid=107 rdev=00:00 obj=system_u:object_r:sysfs_t:s0 nametype=NORMAL cap_fp=0 cap_fi=0 cap_fe=0 cap_fver=0 cap_frootid=0');
INSERT INTO raw_records VALUES(131,5,'PROCTITLE',5721,'type=PROCTITLE msg=audit(1764042457.631:2283): proctitle=2F7573722F62696E2F71656D752D73797374656D2D7838365F3634002D6E616D650067756573743D6361636865303035');
INSERT INTO raw_records VALUES(132,0,'USER_AVC',5768,'type=USER_AVC msg=audit(1764042457.708:2296): pid=812 uid=81 auid=4294967295 ses=4294967295 subj=system_u:system_r:system_dbusd_t:s0-s0:c0.c1023 msg=''avc:  denied  { send_msg } for msgtype=method_call interface=org.freedesktop.DBus.Properties member=GetAll dest=org.freedesktop.systemd1 spid=1234 tpid=1 scontext=system_u:system_r:cockpit_ws_t:s0 tcontext=system_u:system_r:init_t:s0 tclass=dbus permissive=0  exe="/usr/bin/dbus-broker" sauid=81 hostname=? addr=? terminal=?''');
CREATE TABLE guests (
    id    INTEGER PRIMARY KEY,
    node  TEXT NOT NULL,
    uuid  TEXT NOT NULL,
    name  TEXT NOT NULL,
    UNIQUE (node, uuid)
);
INSERT INTO guests VALUES(1,'','6f03675a-6b0d-11e2-3d9c-8d111738f7d9','build002');
INSERT INTO guests VALUES(2,'','128b2f33-d23f-892f-1818-95315d9dc9f8','ci001');
INSERT INTO guests VALUES(3,'','39263059-a170-a09f-953f-0fd6f29d0da9','ldap003');
INSERT INTO guests VALUES(4,'','0becd7b0-8e81-dbc4-2217-6b4c4a23d596','web004');
INSERT INTO guests VALUES(5,'','c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005');
INSERT INTO guests VALUES(6,'','29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006');
INSERT INTO guests VALUES(7,'','904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007');
INSERT INTO guests VALUES(8,'','29e42f63-2367-7174-a302-66c1f845a62b','cache008');
INSERT INTO guests VALUES(9,'','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009');
INSERT INTO guests VALUES(10,'','6641f7cc-3d89-a764-db48-3e5a6c212283','db010');
INSERT INTO guests VALUES(11,'','28dca2d3-c52e-a112-4ade-d4daf572617b','dns011');
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
INSERT INTO leases VALUES(1,1,'','build002','selinux','system_u:system_r:svirt_tcg_t:s0:c495,c500','system_u:object_r:svirt_image_t:s0:c495,c500','s0:c495,c500','svirt_tcg_t',0,3034,NULL,NULL,1764042445736,892,1,'status-xml');
INSERT INTO leases VALUES(2,1,'','build002','dac','+107:+107','+107:+107',NULL,NULL,0,3034,NULL,NULL,1764042445736,892,1,'status-xml');
INSERT INTO leases VALUES(3,2,'','ci001','selinux','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c813,c949','s0:c813,c949','svirt_t',0,3012,NULL,NULL,1764042456250,2127,1,'status-xml');
INSERT INTO leases VALUES(4,2,'','ci001','dac','+107:+107','+107:+107',NULL,NULL,0,3012,NULL,NULL,1764042456250,2127,1,'status-xml');
INSERT INTO leases VALUES(5,3,'','ldap003','selinux','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c420,c531','s0:c420,c531','svirt_t',0,3074,NULL,NULL,NULL,NULL,1,'status-xml');
INSERT INTO leases VALUES(6,3,'','ldap003','dac','+107:+107','+107:+107',NULL,NULL,0,3074,NULL,NULL,NULL,NULL,1,'status-xml');
INSERT INTO leases VALUES(7,4,'','web004','selinux','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:svirt_image_t:s0:c645,c776','s0:c645,c776','svirt_t',0,3088,NULL,NULL,1764042452084,1627,1,'status-xml');
INSERT INTO leases VALUES(8,4,'','web004','dac','+107:+107','+107:+107',NULL,NULL,0,3088,NULL,NULL,1764042452084,1627,1,'status-xml');
INSERT INTO leases VALUES(9,5,'','cache005','selinux','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:svirt_image_t:s0:c495,c500','s0:c495,c500','svirt_t',0,6299,1764042446993,1024,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(10,5,'','cache005','dac','+107:+107','+107:+107',NULL,NULL,0,6299,1764042446993,1025,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(11,6,'','mail006','selinux','system_u:system_r:svirt_t:s0:c788,c796','system_u:object_r:svirt_image_t:s0:c788,c796','s0:c788,c796','svirt_t',0,7270,1764042447555,1095,1764042449845,1375,1,'audit');
INSERT INTO leases VALUES(12,6,'','mail006','dac','+107:+107','+107:+107',NULL,NULL,0,7270,1764042447555,1096,1764042449845,1375,1,'audit');
INSERT INTO leases VALUES(13,7,'','vpn007','selinux','system_u:system_r:svirt_t:s0:c761,c876','system_u:object_r:svirt_image_t:s0:c761,c876','s0:c761,c876','svirt_t',0,8783,1764042448245,1189,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(14,7,'','vpn007','dac','+107:+107','+107:+107',NULL,NULL,0,8783,1764042448245,1190,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(15,8,'','cache008','selinux','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:svirt_image_t:s0:c20,c350','s0:c20,c350','svirt_t',0,8865,1764042448288,1203,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(16,8,'','cache008','dac','+107:+107','+107:+107',NULL,NULL,0,8865,1764042448288,1204,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(17,9,'','web009','selinux','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:svirt_image_t:s0:c527,c852','s0:c527,c852','svirt_t',0,13590,1764042451037,1509,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(18,9,'','web009','dac','+107:+107','+107:+107',NULL,NULL,0,13590,1764042451037,1510,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(19,10,'','db010','selinux','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c813,c949','s0:c813,c949','svirt_t',1,15637,1764042452387,1659,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(20,10,'','db010','dac','+107:+107','+107:+107',NULL,NULL,0,15637,1764042452387,1660,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(21,11,'','dns011','selinux','system_u:system_r:svirt_t:s0:c192,c755','system_u:object_r:svirt_image_t:s0:c192,c755','s0:c192,c755','svirt_t',0,23396,1764042456369,2137,NULL,NULL,1,'audit');
INSERT INTO leases VALUES(22,11,'','dns011','dac','+107:+107','+107:+107',NULL,NULL,0,23396,1764042456369,2138,NULL,NULL,1,'audit');
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
INSERT INTO guest_resources VALUES(1,17,'',1764042446993,'c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005',9,'disk','start','?','/var/lib/libvirt/images/cache005.qcow2',1);
INSERT INTO guest_resources VALUES(2,18,'',1764042446993,'c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005',9,'net','start','?','52:54:00:73:4a:b4',1);
INSERT INTO guest_resources VALUES(3,19,'',1764042446993,'c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005',9,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(4,20,'',1764042446993,'c6cfbfe5-11a3-cf40-cc63-3173a261621f','cache005',9,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(5,26,'',1764042447555,'29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006',11,'disk','start','?','/var/lib/libvirt/images/mail006.qcow2',1);
INSERT INTO guest_resources VALUES(6,27,'',1764042447555,'29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006',11,'net','start','?','52:54:00:08:e2:ae',1);
INSERT INTO guest_resources VALUES(7,28,'',1764042447555,'29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006',11,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(8,29,'',1764042447555,'29858691-0eb7-d513-b9fa-4b24fa811b6d','mail006',11,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(9,40,'',1764042448245,'904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007',13,'disk','start','?','/var/lib/libvirt/images/vpn007.qcow2',1);
INSERT INTO guest_resources VALUES(10,41,'',1764042448245,'904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007',13,'net','start','?','52:54:00:fa:61:a4',1);
INSERT INTO guest_resources VALUES(11,42,'',1764042448245,'904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007',13,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(12,43,'',1764042448245,'904b96d0-43b1-1bda-a525-f4ec7d26ff92','vpn007',13,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(13,48,'',1764042448288,'29e42f63-2367-7174-a302-66c1f845a62b','cache008',15,'disk','start','?','/var/lib/libvirt/images/cache008.qcow2',1);
INSERT INTO guest_resources VALUES(14,49,'',1764042448288,'29e42f63-2367-7174-a302-66c1f845a62b','cache008',15,'net','start','?','52:54:00:14:e1:f5',1);
INSERT INTO guest_resources VALUES(15,50,'',1764042448288,'29e42f63-2367-7174-a302-66c1f845a62b','cache008',15,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(16,51,'',1764042448288,'29e42f63-2367-7174-a302-66c1f845a62b','cache008',15,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(17,68,'',1764042451037,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009',17,'disk','start','?','/var/lib/libvirt/images/web009.qcow2',1);
INSERT INTO guest_resources VALUES(18,69,'',1764042451037,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009',17,'net','start','?','52:54:00:9e:cb:a1',1);
INSERT INTO guest_resources VALUES(19,70,'',1764042451037,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009',17,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(20,71,'',1764042451037,'c57579e0-56c1-d3b5-b43f-ae63b75e1ede','web009',17,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(21,83,'',1764042452387,'6641f7cc-3d89-a764-db48-3e5a6c212283','db010',19,'disk','start','?','/var/lib/libvirt/images/db010.qcow2',1);
INSERT INTO guest_resources VALUES(22,84,'',1764042452387,'6641f7cc-3d89-a764-db48-3e5a6c212283','db010',19,'net','start','?','52:54:00:7b:c1:13',1);
INSERT INTO guest_resources VALUES(23,85,'',1764042452387,'6641f7cc-3d89-a764-db48-3e5a6c212283','db010',19,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(24,86,'',1764042452387,'6641f7cc-3d89-a764-db48-3e5a6c212283','db010',19,'vcpu','start','0','2',1);
INSERT INTO guest_resources VALUES(25,122,'',1764042456369,'28dca2d3-c52e-a112-4ade-d4daf572617b','dns011',21,'disk','start','?','/var/lib/libvirt/images/dns011.qcow2',1);
INSERT INTO guest_resources VALUES(26,123,'',1764042456369,'28dca2d3-c52e-a112-4ade-d4daf572617b','dns011',21,'net','start','?','52:54:00:38:a3:49',1);
INSERT INTO guest_resources VALUES(27,124,'',1764042456369,'28dca2d3-c52e-a112-4ade-d4daf572617b','dns011',21,'mem','start','0','2097152',1);
INSERT INTO guest_resources VALUES(28,125,'',1764042456369,'28dca2d3-c52e-a112-4ade-d4daf572617b','dns011',21,'vcpu','start','0','2',1);
CREATE TABLE denials (
    id             INTEGER PRIMARY KEY,
    audit_event_id INTEGER NOT NULL UNIQUE REFERENCES audit_events(id),
    node           TEXT    NOT NULL,
    time_ms        INTEGER NOT NULL,
    serial         INTEGER NOT NULL,
    kind           TEXT    NOT NULL,
    boolean        TEXT,
    seresult       TEXT    NOT NULL,
    scontext       TEXT    NOT NULL,
    tcontext       TEXT    NOT NULL,
    stype          TEXT,
    ttype          TEXT,
    slevel         TEXT,
    tlevel         TEXT,
    tclass         TEXT    NOT NULL,
    perms          TEXT    NOT NULL,           -- space-separated union over the event's AVC records
    permissive     INTEGER,
    pid            INTEGER,
    comm           TEXT,
    exe            TEXT,
    syscall        TEXT,
    success        INTEGER,
    exit_code      INTEGER,
    uid            INTEGER,
    auid           INTEGER,
    auid_name      TEXT,
    cwd            TEXT,
    path           TEXT,
    proctitle      TEXT,
    avc_count      INTEGER NOT NULL,
    -- Each side resolved at ingest: the candidate guests' count, the first by name, and a key
    -- that names the side in reports (candidate uuids joined by ',', or 'label:LEVEL' for an
    -- svirt label no guest held, or NULL for a host object).
    source_count   INTEGER NOT NULL DEFAULT 0,
    source_vm      TEXT,
    source_uuid    TEXT,
    source_key     TEXT,
    target_count   INTEGER NOT NULL DEFAULT 0,
    target_vm      TEXT,
    target_uuid    TEXT,
    target_key     TEXT
);
INSERT INTO denials VALUES(1,1,'',1764042445113,819,'host-other',NULL,'denied','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','ntpd_t','tmp_t','s0','s0','file','write',0,3382,'chronyd','/usr/sbin/chronyd','openat',0,-13,0,4294967295,NULL,'/','/tmp/drift','/usr/sbin/chronyd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(2,2,'',1764042445261,834,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c813,c949','svirt_t','svirt_image_t','s0:c420,c531','s0:c813,c949','file','read',0,3074,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/ci001.qcow2','/usr/bin/qemu-system-x86_64 -name guest=ldap003',1,1,'ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','39263059-a170-a09f-953f-0fd6f29d0da9',1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8');
INSERT INTO denials VALUES(3,3,'',1764042445413,857,'needs-boolean','virt_use_nfs','denied','system_u:system_r:svirt_tcg_t:s0:c495,c500','system_u:object_r:nfs_t:s0','svirt_tcg_t','nfs_t','s0:c495,c500','s0','file','read',0,3034,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/mnt/nfs/images/shared.iso','/usr/bin/qemu-system-x86_64 -name guest=build002',1,1,'build002','6f03675a-6b0d-11e2-3d9c-8d111738f7d9','6f03675a-6b0d-11e2-3d9c-8d111738f7d9',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(4,4,'',1764042445492,863,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(5,5,'',1764042445526,866,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(6,6,'',1764042445584,874,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c495,c500','svirt_t','svirt_image_t','s0:c420,c531','s0:c495,c500','file','read',0,3074,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/build002.qcow2','/usr/bin/qemu-system-x86_64 -name guest=ldap003',1,1,'ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','39263059-a170-a09f-953f-0fd6f29d0da9',1,'build002','6f03675a-6b0d-11e2-3d9c-8d111738f7d9','6f03675a-6b0d-11e2-3d9c-8d111738f7d9');
INSERT INTO denials VALUES(7,8,'',1764042445847,901,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(8,9,'',1764042445938,911,'needs-boolean','virt_use_samba','denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:cifs_t:s0','svirt_t','cifs_t','s0:c813,c949','s0','file','read open',0,3012,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/mnt/smb/iso/tools.iso','/usr/bin/qemu-system-x86_64 -name guest=ci001',2,1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(9,10,'',1764042446591,980,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(10,11,'',1764042446604,982,'needs-boolean','virt_use_sysfs','denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:sysfs_t:s0','svirt_t','sysfs_t','s0:c813,c949','s0','file','write',0,3012,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/sys/bus/pci/devices/0000:03:00.0/config','/usr/bin/qemu-system-x86_64 -name guest=ci001',1,1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(11,12,'',1764042446688,992,'host-other',NULL,'denied','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','ntpd_t','tmp_t','s0','s0','file','write',0,5837,'chronyd','/usr/sbin/chronyd','openat',0,-13,0,4294967295,NULL,'/','/tmp/drift','/usr/sbin/chronyd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(12,13,'',1764042446792,1006,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:svirt_image_t:s0:c813,c949','svirt_t','svirt_image_t','s0:c645,c776','s0:c813,c949','file','read',0,3088,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/ci001.qcow2','/usr/bin/qemu-system-x86_64 -name guest=web004',1,1,'web004','0becd7b0-8e81-dbc4-2217-6b4c4a23d596','0becd7b0-8e81-dbc4-2217-6b4c4a23d596',1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8');
INSERT INTO denials VALUES(13,14,'',1764042446894,1013,'unknown-source',NULL,'denied','system_u:system_r:svirt_t:s0:c208,c337','system_u:object_r:svirt_image_t:s0:c813,c949','svirt_t','svirt_image_t','s0:c208,c337','s0:c813,c949','file','read open',0,6137,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/ci001.qcow2','/usr/bin/qemu-system-x86_64 -name guest=unknown',2,0,NULL,NULL,'label:s0:c208,c337',1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8');
INSERT INTO denials VALUES(14,23,'',1764042447532,1091,'stale-image',NULL,'denied','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:virt_content_t:s0','svirt_t','virt_content_t','s0:c645,c776','s0','file','read open',0,3088,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/retired.qcow2','/usr/bin/qemu-system-x86_64 -name guest=web004',2,1,'web004','0becd7b0-8e81-dbc4-2217-6b4c4a23d596','0becd7b0-8e81-dbc4-2217-6b4c4a23d596',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(15,31,'',1764042447628,1110,'host-other',NULL,'denied','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','sshd_t','var_t','s0','s0','dir','search',0,7479,'sshd','/usr/sbin/sshd','openat',0,-13,0,4294967295,NULL,'/','/var/custom','/usr/sbin/sshd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(16,32,'',1764042447630,1111,'needs-boolean','virt_use_samba','denied','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:cifs_t:s0','svirt_t','cifs_t','s0:c420,c531','s0','file','read',0,3074,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/mnt/smb/iso/tools.iso','/usr/bin/qemu-system-x86_64 -name guest=ldap003',1,1,'ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','39263059-a170-a09f-953f-0fd6f29d0da9',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(17,33,'',1764042447861,1144,'unknown-source',NULL,'denied','system_u:system_r:svirt_t:s0:c21,c52','system_u:object_r:svirt_image_t:s0:c813,c949','svirt_t','svirt_image_t','s0:c21,c52','s0:c813,c949','file','read',0,7933,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/ci001.qcow2','/usr/bin/qemu-system-x86_64 -name guest=unknown',1,0,NULL,NULL,'label:s0:c21,c52',1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8');
INSERT INTO denials VALUES(18,34,'',1764042447890,1146,'host-other',NULL,'denied','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','ntpd_t','tmp_t','s0','s0','file','write',0,7992,'chronyd','/usr/sbin/chronyd','openat',0,-13,0,4294967295,NULL,'/','/tmp/drift','/usr/sbin/chronyd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(19,35,'',1764042448018,1163,'stale-image',NULL,'denied','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:virt_content_t:s0','svirt_t','virt_content_t','s0:c495,c500','s0','file','read',0,6299,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/retired.qcow2','/usr/bin/qemu-system-x86_64 -name guest=cache005',1,1,'cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','c6cfbfe5-11a3-cf40-cc63-3173a261621f',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(20,36,'',1764042448081,1172,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(21,45,'',1764042448252,1200,'stale-image',NULL,'denied','system_u:system_r:svirt_t:s0:c788,c796','system_u:object_r:virt_content_t:s0','svirt_t','virt_content_t','s0:c788,c796','s0','file','read',0,7270,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/retired.qcow2','/usr/bin/qemu-system-x86_64 -name guest=mail006',1,1,'mail006','29858691-0eb7-d513-b9fa-4b24fa811b6d','29858691-0eb7-d513-b9fa-4b24fa811b6d',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(22,53,'',1764042448340,1217,'needs-boolean','virt_use_nfs','denied','system_u:system_r:svirt_t:s0:c788,c796','system_u:object_r:nfs_t:s0','svirt_t','nfs_t','s0:c788,c796','s0','file','read',0,7270,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/mnt/nfs/images/shared.iso','/usr/bin/qemu-system-x86_64 -name guest=mail006',1,1,'mail006','29858691-0eb7-d513-b9fa-4b24fa811b6d','29858691-0eb7-d513-b9fa-4b24fa811b6d',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(23,54,'',1764042448875,1284,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:svirt_image_t:s0:c813,c949','svirt_t','svirt_image_t','s0:c645,c776','s0:c813,c949','blk_file','read write',0,3088,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/dev/mapper/vg0-ci001','/usr/bin/qemu-system-x86_64 -name guest=web004',1,1,'web004','0becd7b0-8e81-dbc4-2217-6b4c4a23d596','0becd7b0-8e81-dbc4-2217-6b4c4a23d596',1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8');
INSERT INTO denials VALUES(24,55,'',1764042448930,1289,'needs-boolean','virt_use_usb','denied','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:usb_device_t:s0','svirt_t','usb_device_t','s0:c495,c500','s0','chr_file','read write open',0,6299,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/dev/bus/usb/001/004','/usr/bin/qemu-system-x86_64 -name guest=cache005',2,1,'cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','c6cfbfe5-11a3-cf40-cc63-3173a261621f',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(25,56,'',1764042448950,1290,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:svirt_image_t:s0:c813,c949','svirt_t','svirt_image_t','s0:c20,c350','s0:c813,c949','blk_file','open',0,8865,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/dev/mapper/vg0-ci001','/usr/bin/qemu-system-x86_64 -name guest=cache008',2,1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b',1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8');
INSERT INTO denials VALUES(26,57,'',1764042449125,1306,'needs-boolean','virt_use_fusefs','denied','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:fusefs_t:s0','svirt_t','fusefs_t','s0:c495,c500','s0','file','read write',0,6299,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/mnt/fuse/disk.raw','/usr/bin/qemu-system-x86_64 -name guest=cache005',1,1,'cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','c6cfbfe5-11a3-cf40-cc63-3173a261621f',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(27,58,'',1764042449532,1347,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(28,59,'',1764042449807,1371,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(29,61,'',1764042449987,1392,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(30,62,'',1764042449991,1393,'needs-boolean','virt_use_nfs','denied','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:nfs_t:s0','svirt_t','nfs_t','s0:c20,c350','s0','file','read',0,8865,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/mnt/nfs/images/shared.iso','/usr/bin/qemu-system-x86_64 -name guest=cache008',1,1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(31,63,'',1764042450150,1408,'needs-boolean','virt_use_fusefs','denied','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:fusefs_t:s0','svirt_t','fusefs_t','s0:c645,c776','s0','file','read write',0,3088,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/mnt/fuse/disk.raw','/usr/bin/qemu-system-x86_64 -name guest=web004',1,1,'web004','0becd7b0-8e81-dbc4-2217-6b4c4a23d596','0becd7b0-8e81-dbc4-2217-6b4c4a23d596',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(32,64,'',1764042450247,1419,'host-other',NULL,'denied','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','ntpd_t','tmp_t','s0','s0','file','write',0,11998,'chronyd','/usr/sbin/chronyd','openat',0,-13,0,4294967295,NULL,'/','/tmp/drift','/usr/sbin/chronyd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(33,65,'',1764042450620,1464,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(34,73,'',1764042451052,1517,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(35,74,'',1764042451246,1538,'host-other',NULL,'denied','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','sshd_t','var_t','s0','s0','dir','search',0,13927,'sshd','/usr/sbin/sshd','openat',0,-13,0,4294967295,NULL,'/','/var/custom','/usr/sbin/sshd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(36,75,'',1764042451480,1562,'host-other',NULL,'denied','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','ntpd_t','tmp_t','s0','s0','file','write',0,14372,'chronyd','/usr/sbin/chronyd','openat',0,-13,0,4294967295,NULL,'/','/tmp/drift','/usr/sbin/chronyd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(37,76,'',1764042451829,1599,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:svirt_image_t:s0:c495,c500','svirt_t','svirt_image_t','s0:c527,c852','s0:c495,c500','file','read write open',0,13590,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/cache005.qcow2','/usr/bin/qemu-system-x86_64 -name guest=web009',2,1,'web009','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','c57579e0-56c1-d3b5-b43f-ae63b75e1ede',1,'cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','c6cfbfe5-11a3-cf40-cc63-3173a261621f');
INSERT INTO denials VALUES(38,77,'',1764042451949,1612,'host-other',NULL,'denied','system_u:system_r:httpd_t:s0','system_u:object_r:user_home_t:s0','httpd_t','user_home_t','s0','s0','file','getattr',0,14998,'httpd','/usr/sbin/httpd','openat',0,-13,0,4294967295,NULL,'/','/home/www/index.html','/usr/sbin/httpd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(39,79,'',1764042452196,1637,'needs-boolean','virt_use_sysfs','denied','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:sysfs_t:s0','svirt_t','sysfs_t','s0:c527,c852','s0','file','write open',0,13590,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/sys/bus/pci/devices/0000:03:00.0/config','/usr/bin/qemu-system-x86_64 -name guest=web009',2,1,'web009','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','c57579e0-56c1-d3b5-b43f-ae63b75e1ede',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(40,80,'',1764042452352,1655,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c761,c876','system_u:system_r:svirt_t:s0:c20,c350','svirt_t','svirt_t','s0:c761,c876','s0:c20,c350','process','ptrace',0,8783,'qemu-system-x86','/usr/bin/qemu-system-x86_64','ptrace',0,-13,107,4294967295,NULL,NULL,NULL,'/usr/bin/qemu-system-x86_64 -name guest=vpn007',1,1,'vpn007','904b96d0-43b1-1bda-a525-f4ec7d26ff92','904b96d0-43b1-1bda-a525-f4ec7d26ff92',1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b');
INSERT INTO denials VALUES(41,88,'',1764042452421,1668,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(42,89,'',1764042452624,1686,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(43,90,'',1764042452761,1698,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(44,91,'',1764042452828,1706,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c20,c350','svirt_t','svirt_image_t','s0:c813,c949','s0:c20,c350','file','read',0,3012,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/cache008.qcow2','/usr/bin/qemu-system-x86_64 -name guest=ci001',1,1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8',1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b');
INSERT INTO denials VALUES(45,92,'',1764042453335,1762,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(46,93,'',1764042453389,1767,'shared-content-write',NULL,'denied','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_content_t:s0','svirt_t','svirt_content_t','s0:c420,c531','s0','file','write',0,3074,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/install.iso','/usr/bin/qemu-system-x86_64 -name guest=ldap003',1,1,'ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','39263059-a170-a09f-953f-0fd6f29d0da9',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(47,94,'',1764042453623,1798,'host-other',NULL,'denied','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','sshd_t','var_t','s0','s0','dir','search',0,18045,'sshd','/usr/sbin/sshd','openat',0,-13,0,4294967295,NULL,'/','/var/custom','/usr/sbin/sshd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(48,95,'',1764042453700,1808,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:svirt_image_t:s0:c527,c852','svirt_t','svirt_image_t','s0:c495,c500','s0:c527,c852','file','open',0,6299,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/web009.qcow2','/usr/bin/qemu-system-x86_64 -name guest=cache005',1,1,'cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','c6cfbfe5-11a3-cf40-cc63-3173a261621f',1,'web009','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','c57579e0-56c1-d3b5-b43f-ae63b75e1ede');
INSERT INTO denials VALUES(49,96,'',1764042453771,1817,'host-other',NULL,'denied','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','ntpd_t','tmp_t','s0','s0','file','write',0,18494,'chronyd','/usr/sbin/chronyd','openat',0,-13,0,4294967295,NULL,'/','/tmp/drift','/usr/sbin/chronyd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(50,97,'',1764042453831,1823,'guest-host',NULL,'denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:shadow_t:s0','svirt_t','shadow_t','s0:c813,c949','s0','file','read open',0,3012,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/etc/shadow','/usr/bin/qemu-system-x86_64 -name guest=ci001',2,1,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(51,98,'',1764042453897,1832,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c813,c949','svirt_t','svirt_image_t','s0:c420,c531','s0:c813,c949','file','read write open',0,3074,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/ci001.qcow2','/usr/bin/qemu-system-x86_64 -name guest=ldap003',2,1,'ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','39263059-a170-a09f-953f-0fd6f29d0da9',2,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283');
INSERT INTO denials VALUES(52,99,'',1764042454071,1858,'needs-boolean','virt_use_nfs','denied','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:nfs_t:s0','svirt_t','nfs_t','s0:c420,c531','s0','file','read',0,3074,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/mnt/nfs/images/shared.iso','/usr/bin/qemu-system-x86_64 -name guest=ldap003',1,1,'ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','39263059-a170-a09f-953f-0fd6f29d0da9',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(53,100,'',1764042454352,1896,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(54,101,'',1764042454368,1898,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c420,c531','svirt_t','svirt_image_t','s0:c813,c949','s0:c420,c531','file','read write',0,15637,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/ldap003.qcow2','/usr/bin/qemu-system-x86_64 -name guest=db010',1,1,'db010','6641f7cc-3d89-a764-db48-3e5a6c212283','6641f7cc-3d89-a764-db48-3e5a6c212283',1,'ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','39263059-a170-a09f-953f-0fd6f29d0da9');
INSERT INTO denials VALUES(55,102,'',1764042454482,1909,'host-other',NULL,'denied','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','sshd_t','var_t','s0','s0','dir','search',0,19889,'sshd','/usr/sbin/sshd','openat',0,-13,0,4294967295,NULL,'/','/var/custom','/usr/sbin/sshd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(56,103,'',1764042454524,1916,'guest-host',NULL,'denied','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:fixed_disk_t:s0','svirt_t','fixed_disk_t','s0:c527,c852','s0','blk_file','read write',0,13590,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/dev/sdb','/usr/bin/qemu-system-x86_64 -name guest=web009',1,1,'web009','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','c57579e0-56c1-d3b5-b43f-ae63b75e1ede',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(57,104,'',1764042454735,1948,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(58,105,'',1764042454892,1968,'host-other',NULL,'denied','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','sshd_t','var_t','s0','s0','dir','search',0,20809,'sshd','/usr/sbin/sshd','openat',0,-13,0,4294967295,NULL,'/','/var/custom','/usr/sbin/sshd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(59,106,'',1764042454907,1969,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c420,c531','svirt_t','svirt_image_t','s0:c813,c949','s0:c420,c531','file','read write',0,15637,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/ldap003.qcow2','/usr/bin/qemu-system-x86_64 -name guest=db010',1,1,'db010','6641f7cc-3d89-a764-db48-3e5a6c212283','6641f7cc-3d89-a764-db48-3e5a6c212283',1,'ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','39263059-a170-a09f-953f-0fd6f29d0da9');
INSERT INTO denials VALUES(60,107,'',1764042454960,1977,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:svirt_image_t:s0:c761,c876','svirt_t','svirt_image_t','s0:c495,c500','s0:c761,c876','file','read write',0,6299,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/vpn007.qcow2','/usr/bin/qemu-system-x86_64 -name guest=cache005',1,1,'cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','c6cfbfe5-11a3-cf40-cc63-3173a261621f',1,'vpn007','904b96d0-43b1-1bda-a525-f4ec7d26ff92','904b96d0-43b1-1bda-a525-f4ec7d26ff92');
INSERT INTO denials VALUES(61,108,'',1764042455011,1982,'needs-boolean','virt_use_comm','denied','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:tty_device_t:s0','svirt_t','tty_device_t','s0:c20,c350','s0','chr_file','read write',0,8865,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/dev/ttyS1','/usr/bin/qemu-system-x86_64 -name guest=cache008',1,1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(62,109,'',1764042455079,1991,'host-other',NULL,'denied','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','sshd_t','var_t','s0','s0','dir','search',0,21087,'sshd','/usr/sbin/sshd','openat',0,-13,0,4294967295,NULL,'/','/var/custom','/usr/sbin/sshd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(63,110,'',1764042455089,1993,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c20,c350','system_u:system_r:svirt_t:s0:c813,c949','svirt_t','svirt_t','s0:c20,c350','s0:c813,c949','process','sigkill',0,8865,'qemu-system-x86','/usr/bin/qemu-system-x86_64','kill',0,-13,107,4294967295,NULL,NULL,NULL,'/usr/bin/qemu-system-x86_64 -name guest=cache008',1,1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b',2,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283');
INSERT INTO denials VALUES(64,111,'',1764042455098,1998,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:system_r:svirt_t:s0:c527,c852','svirt_t','svirt_t','s0:c813,c949','s0:c527,c852','process','signal',0,15637,'qemu-system-x86','/usr/bin/qemu-system-x86_64','kill',0,-13,107,4294967295,NULL,NULL,NULL,'/usr/bin/qemu-system-x86_64 -name guest=db010',1,1,'db010','6641f7cc-3d89-a764-db48-3e5a6c212283','6641f7cc-3d89-a764-db48-3e5a6c212283',1,'web009','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','c57579e0-56c1-d3b5-b43f-ae63b75e1ede');
INSERT INTO denials VALUES(65,112,'',1764042455360,2025,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(66,113,'',1764042455465,2040,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c495,c500','svirt_t','svirt_image_t','s0:c813,c949','s0:c495,c500','file','read',0,15637,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',0,-13,107,4294967295,NULL,'/','/var/lib/libvirt/images/cache005.qcow2','/usr/bin/qemu-system-x86_64 -name guest=db010',1,1,'db010','6641f7cc-3d89-a764-db48-3e5a6c212283','6641f7cc-3d89-a764-db48-3e5a6c212283',1,'cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','c6cfbfe5-11a3-cf40-cc63-3173a261621f');
INSERT INTO denials VALUES(67,115,'',1764042455724,2070,'guest-host',NULL,'denied','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:shadow_t:s0','svirt_t','shadow_t','s0:c20,c350','s0','file','read',1,8865,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',1,3,107,4294967295,NULL,'/','/etc/shadow','/usr/bin/qemu-system-x86_64 -name guest=cache008',1,1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(68,116,'',1764042455755,2073,'cross-guest',NULL,'denied','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:svirt_image_t:s0:c813,c949','svirt_t','svirt_image_t','s0:c20,c350','s0:c813,c949','file','read',1,8865,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',1,3,107,4294967295,NULL,'/','/var/lib/libvirt/images/ci001.qcow2','/usr/bin/qemu-system-x86_64 -name guest=cache008',1,1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b',2,'ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283');
INSERT INTO denials VALUES(69,117,'',1764042455785,2076,'host-other',NULL,'denied','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','sshd_t','var_t','s0','s0','dir','search',1,22376,'sshd','/usr/sbin/sshd','openat',0,-13,0,4294967295,NULL,'/','/var/custom','/usr/sbin/sshd',1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(70,118,'',1764042455811,2081,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
INSERT INTO denials VALUES(71,127,'',1764042456653,2182,'stale-image',NULL,'denied','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:virt_content_t:s0','svirt_t','virt_content_t','s0:c20,c350','s0','file','read',1,8865,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',1,3,107,4294967295,NULL,'/','/var/lib/libvirt/images/retired.qcow2','/usr/bin/qemu-system-x86_64 -name guest=cache008',1,1,'cache008','29e42f63-2367-7174-a302-66c1f845a62b','29e42f63-2367-7174-a302-66c1f845a62b',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(72,128,'',1764042456677,2187,'shared-content-write',NULL,'denied','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_content_t:s0','svirt_t','svirt_content_t','s0:c813,c949','s0','file','write',1,15637,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',1,3,107,4294967295,NULL,'/','/var/lib/libvirt/images/install.iso','/usr/bin/qemu-system-x86_64 -name guest=db010',1,1,'db010','6641f7cc-3d89-a764-db48-3e5a6c212283','6641f7cc-3d89-a764-db48-3e5a6c212283',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(73,129,'',1764042457457,2269,'needs-boolean','virt_use_usb','denied','system_u:system_r:svirt_t:s0:c192,c755','system_u:object_r:usb_device_t:s0','svirt_t','usb_device_t','s0:c192,c755','s0','chr_file','read write',1,23396,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',1,3,107,4294967295,NULL,'/','/dev/bus/usb/001/004','/usr/bin/qemu-system-x86_64 -name guest=dns011',1,1,'dns011','28dca2d3-c52e-a112-4ade-d4daf572617b','28dca2d3-c52e-a112-4ade-d4daf572617b',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(74,130,'',1764042457496,2272,'stale-image',NULL,'denied','system_u:system_r:svirt_t:s0:c192,c755','system_u:object_r:virt_content_t:s0','svirt_t','virt_content_t','s0:c192,c755','s0','file','read',1,23396,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',1,3,107,4294967295,NULL,'/','/var/lib/libvirt/images/retired.qcow2','/usr/bin/qemu-system-x86_64 -name guest=dns011',1,1,'dns011','28dca2d3-c52e-a112-4ade-d4daf572617b','28dca2d3-c52e-a112-4ade-d4daf572617b',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(75,131,'',1764042457631,2283,'needs-boolean','virt_use_sysfs','denied','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:sysfs_t:s0','svirt_t','sysfs_t','s0:c495,c500','s0','file','write open',1,6299,'qemu-system-x86','/usr/bin/qemu-system-x86_64','openat',1,3,107,4294967295,NULL,'/','/sys/bus/pci/devices/0000:03:00.0/config','/usr/bin/qemu-system-x86_64 -name guest=cache005',2,1,'cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','c6cfbfe5-11a3-cf40-cc63-3173a261621f',0,NULL,NULL,NULL);
INSERT INTO denials VALUES(76,132,'',1764042457708,2296,'host-other',NULL,'denied','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','cockpit_ws_t','init_t','s0','s0','dbus','send_msg',0,812,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,NULL,1,0,NULL,NULL,NULL,0,NULL,NULL,NULL);
CREATE TABLE avc_records (
    denial_id   INTEGER NOT NULL REFERENCES denials(id),
    seq         INTEGER NOT NULL,
    record_type TEXT    NOT NULL,
    seresult    TEXT    NOT NULL,
    perms       TEXT    NOT NULL,
    scontext    TEXT    NOT NULL,
    tcontext    TEXT    NOT NULL,
    tclass      TEXT    NOT NULL,
    permissive  INTEGER,
    pid         INTEGER,
    comm        TEXT,
    name        TEXT,
    dev         TEXT,
    ino         INTEGER,
    line        INTEGER,                   -- the record's line in its source (raw_records.line)
    PRIMARY KEY (denial_id, seq)
) WITHOUT ROWID;
INSERT INTO avc_records VALUES(1,0,'AVC','denied','write','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','file',0,3382,'chronyd','drift','dm-0',901938,57);
INSERT INTO avc_records VALUES(2,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c813,c949','file',0,3074,'qemu-system-x86','ci001.qcow2','dm-0',355143,108);
INSERT INTO avc_records VALUES(3,0,'AVC','denied','read','system_u:system_r:svirt_tcg_t:s0:c495,c500','system_u:object_r:nfs_t:s0','file',0,3034,'qemu-system-x86','shared.iso','dm-0',418602,167);
INSERT INTO avc_records VALUES(4,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,194);
INSERT INTO avc_records VALUES(5,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,202);
INSERT INTO avc_records VALUES(6,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c495,c500','file',0,3074,'qemu-system-x86','build002.qcow2','dm-0',2120,233);
INSERT INTO avc_records VALUES(7,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,331);
INSERT INTO avc_records VALUES(8,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:cifs_t:s0','file',0,3012,'qemu-system-x86','tools.iso','dm-0',162877,378);
INSERT INTO avc_records VALUES(8,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:cifs_t:s0','file',0,3012,'qemu-system-x86','tools.iso','dm-0',716207,379);
INSERT INTO avc_records VALUES(9,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,678);
INSERT INTO avc_records VALUES(10,0,'AVC','denied','write','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:sysfs_t:s0','file',0,3012,'qemu-system-x86','config','dm-0',937039,683);
INSERT INTO avc_records VALUES(11,0,'AVC','denied','write','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','file',0,5837,'chronyd','drift','dm-0',960403,723);
INSERT INTO avc_records VALUES(12,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:svirt_image_t:s0:c813,c949','file',0,3088,'qemu-system-x86','ci001.qcow2','dm-0',984867,779);
INSERT INTO avc_records VALUES(13,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c208,c337','system_u:object_r:svirt_image_t:s0:c813,c949','file',0,6137,'qemu-system-x86','ci001.qcow2','dm-0',403897,810);
INSERT INTO avc_records VALUES(13,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c208,c337','system_u:object_r:svirt_image_t:s0:c813,c949','file',0,6137,'qemu-system-x86','ci001.qcow2','dm-0',156523,811);
INSERT INTO avc_records VALUES(14,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:virt_content_t:s0','file',0,3088,'qemu-system-x86','retired.qcow2','dm-0',501735,1102);
INSERT INTO avc_records VALUES(14,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:virt_content_t:s0','file',0,3088,'qemu-system-x86','retired.qcow2','dm-0',384812,1103);
INSERT INTO avc_records VALUES(15,0,'AVC','denied','search','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','dir',0,7479,'sshd','custom','dm-0',469125,1165);
INSERT INTO avc_records VALUES(16,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:cifs_t:s0','file',0,3074,'qemu-system-x86','tools.iso','dm-0',108662,1170);
INSERT INTO avc_records VALUES(17,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c21,c52','system_u:object_r:svirt_image_t:s0:c813,c949','file',0,7933,'qemu-system-x86','ci001.qcow2','dm-0',270010,1287);
INSERT INTO avc_records VALUES(18,0,'AVC','denied','write','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','file',0,7992,'chronyd','drift','dm-0',72585,1296);
INSERT INTO avc_records VALUES(19,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:virt_content_t:s0','file',0,6299,'qemu-system-x86','retired.qcow2','dm-0',369309,1369);
INSERT INTO avc_records VALUES(20,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,1412);
INSERT INTO avc_records VALUES(21,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c788,c796','system_u:object_r:virt_content_t:s0','file',0,7270,'qemu-system-x86','retired.qcow2','dm-0',972719,1499);
INSERT INTO avc_records VALUES(22,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c788,c796','system_u:object_r:nfs_t:s0','file',0,7270,'qemu-system-x86','shared.iso','dm-0',758877,1533);
INSERT INTO avc_records VALUES(23,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:svirt_image_t:s0:c813,c949','blk_file',0,3088,'qemu-system-x86','vg0-ci001','dm-0',143407,1778);
INSERT INTO avc_records VALUES(24,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:usb_device_t:s0','chr_file',0,6299,'qemu-system-x86','004','dm-0',843797,1801);
INSERT INTO avc_records VALUES(24,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:usb_device_t:s0','chr_file',0,6299,'qemu-system-x86','004','dm-0',666824,1802);
INSERT INTO avc_records VALUES(25,0,'AVC','denied','open','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:svirt_image_t:s0:c813,c949','blk_file',0,8865,'qemu-system-x86','vg0-ci001','dm-0',823049,1807);
INSERT INTO avc_records VALUES(25,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:svirt_image_t:s0:c813,c949','blk_file',0,8865,'qemu-system-x86','vg0-ci001','dm-0',752211,1808);
INSERT INTO avc_records VALUES(26,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:fusefs_t:s0','file',0,6299,'qemu-system-x86','disk.raw','dm-0',370468,1868);
INSERT INTO avc_records VALUES(27,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,2057);
INSERT INTO avc_records VALUES(28,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,2143);
INSERT INTO avc_records VALUES(29,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,2205);
INSERT INTO avc_records VALUES(30,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:nfs_t:s0','file',0,8865,'qemu-system-x86','shared.iso','dm-0',813237,2206);
INSERT INTO avc_records VALUES(31,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c645,c776','system_u:object_r:fusefs_t:s0','file',0,3088,'qemu-system-x86','disk.raw','dm-0',75849,2261);
INSERT INTO avc_records VALUES(32,0,'AVC','denied','write','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','file',0,11998,'chronyd','drift','dm-0',458962,2299);
INSERT INTO avc_records VALUES(33,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,2463);
INSERT INTO avc_records VALUES(34,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,2697);
INSERT INTO avc_records VALUES(35,0,'AVC','denied','search','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','dir',0,13927,'sshd','custom','dm-0',821939,2784);
INSERT INTO avc_records VALUES(36,0,'AVC','denied','write','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','file',0,14372,'chronyd','drift','dm-0',313709,2884);
INSERT INTO avc_records VALUES(37,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:svirt_image_t:s0:c495,c500','file',0,13590,'qemu-system-x86','cache005.qcow2','dm-0',223551,3036);
INSERT INTO avc_records VALUES(37,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:svirt_image_t:s0:c495,c500','file',0,13590,'qemu-system-x86','cache005.qcow2','dm-0',959133,3037);
INSERT INTO avc_records VALUES(38,0,'AVC','denied','getattr','system_u:system_r:httpd_t:s0','system_u:object_r:user_home_t:s0','file',0,14998,'httpd','index.html','dm-0',449313,3092);
INSERT INTO avc_records VALUES(39,0,'AVC','denied','write','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:sysfs_t:s0','file',0,13590,'qemu-system-x86','config','dm-0',560082,3198);
INSERT INTO avc_records VALUES(39,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:sysfs_t:s0','file',0,13590,'qemu-system-x86','config','dm-0',544936,3199);
INSERT INTO avc_records VALUES(40,0,'AVC','denied','ptrace','system_u:system_r:svirt_t:s0:c761,c876','system_u:system_r:svirt_t:s0:c20,c350','process',0,8783,'qemu-system-x86',NULL,NULL,NULL,3252);
INSERT INTO avc_records VALUES(41,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,3288);
INSERT INTO avc_records VALUES(42,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,3379);
INSERT INTO avc_records VALUES(43,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,3430);
INSERT INTO avc_records VALUES(44,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c20,c350','file',0,3012,'qemu-system-x86','cache008.qcow2','dm-0',493818,3469);
INSERT INTO avc_records VALUES(45,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,3712);
INSERT INTO avc_records VALUES(46,0,'AVC','denied','write','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_content_t:s0','file',0,3074,'qemu-system-x86','install.iso','dm-0',329766,3733);
INSERT INTO avc_records VALUES(47,0,'AVC','denied','search','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','dir',0,18045,'sshd','custom','dm-0',796926,3850);
INSERT INTO avc_records VALUES(48,0,'AVC','denied','open','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:svirt_image_t:s0:c527,c852','file',0,6299,'qemu-system-x86','web009.qcow2','dm-0',928020,3901);
INSERT INTO avc_records VALUES(49,0,'AVC','denied','write','system_u:system_r:ntpd_t:s0','system_u:object_r:tmp_t:s0','file',0,18494,'chronyd','drift','dm-0',101996,3950);
INSERT INTO avc_records VALUES(50,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:shadow_t:s0','file',0,3012,'qemu-system-x86','shadow','dm-0',636361,3985);
INSERT INTO avc_records VALUES(50,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:shadow_t:s0','file',0,3012,'qemu-system-x86','shadow','dm-0',553326,3986);
INSERT INTO avc_records VALUES(51,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c813,c949','file',0,3074,'qemu-system-x86','ci001.qcow2','dm-0',240614,4020);
INSERT INTO avc_records VALUES(51,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:svirt_image_t:s0:c813,c949','file',0,3074,'qemu-system-x86','ci001.qcow2','dm-0',439470,4021);
INSERT INTO avc_records VALUES(52,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c420,c531','system_u:object_r:nfs_t:s0','file',0,3074,'qemu-system-x86','shared.iso','dm-0',447158,4103);
INSERT INTO avc_records VALUES(53,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,4218);
INSERT INTO avc_records VALUES(54,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c420,c531','file',0,15637,'qemu-system-x86','ldap003.qcow2','dm-0',587114,4223);
INSERT INTO avc_records VALUES(55,0,'AVC','denied','search','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','dir',0,19889,'sshd','custom','dm-0',347305,4274);
INSERT INTO avc_records VALUES(56,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c527,c852','system_u:object_r:fixed_disk_t:s0','blk_file',0,13590,'qemu-system-x86','sdb','dm-0',429769,4307);
INSERT INTO avc_records VALUES(57,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,4427);
INSERT INTO avc_records VALUES(58,0,'AVC','denied','search','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','dir',0,20809,'sshd','custom','dm-0',593703,4513);
INSERT INTO avc_records VALUES(59,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c420,c531','file',0,15637,'qemu-system-x86','ldap003.qcow2','dm-0',953617,4518);
INSERT INTO avc_records VALUES(60,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:svirt_image_t:s0:c761,c876','file',0,6299,'qemu-system-x86','vpn007.qcow2','dm-0',518178,4542);
INSERT INTO avc_records VALUES(61,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:tty_device_t:s0','chr_file',0,8865,'qemu-system-x86','ttyS1','dm-0',269127,4567);
INSERT INTO avc_records VALUES(62,0,'AVC','denied','search','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','dir',0,21087,'sshd','custom','dm-0',13295,4606);
INSERT INTO avc_records VALUES(63,0,'AVC','denied','sigkill','system_u:system_r:svirt_t:s0:c20,c350','system_u:system_r:svirt_t:s0:c813,c949','process',0,8865,'qemu-system-x86',NULL,NULL,NULL,4617);
INSERT INTO avc_records VALUES(64,0,'AVC','denied','signal','system_u:system_r:svirt_t:s0:c813,c949','system_u:system_r:svirt_t:s0:c527,c852','process',0,15637,'qemu-system-x86',NULL,NULL,NULL,4627);
INSERT INTO avc_records VALUES(65,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,4720);
INSERT INTO avc_records VALUES(66,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_image_t:s0:c495,c500','file',0,15637,'qemu-system-x86','cache005.qcow2','dm-0',756060,4778);
INSERT INTO avc_records VALUES(67,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:shadow_t:s0','file',1,8865,'qemu-system-x86','shadow','dm-0',540274,4893);
INSERT INTO avc_records VALUES(68,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:svirt_image_t:s0:c813,c949','file',1,8865,'qemu-system-x86','ci001.qcow2','dm-0',686338,4903);
INSERT INTO avc_records VALUES(69,0,'AVC','denied','search','system_u:system_r:sshd_t:s0','system_u:object_r:var_t:s0','dir',1,22376,'sshd','custom','dm-0',492461,4920);
INSERT INTO avc_records VALUES(70,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,4934);
INSERT INTO avc_records VALUES(71,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c20,c350','system_u:object_r:virt_content_t:s0','file',1,8865,'qemu-system-x86','retired.qcow2','dm-0',604482,5306);
INSERT INTO avc_records VALUES(72,0,'AVC','denied','write','system_u:system_r:svirt_t:s0:c813,c949','system_u:object_r:svirt_content_t:s0','file',1,15637,'qemu-system-x86','install.iso','dm-0',993822,5331);
INSERT INTO avc_records VALUES(73,0,'AVC','denied','read write','system_u:system_r:svirt_t:s0:c192,c755','system_u:object_r:usb_device_t:s0','chr_file',1,23396,'qemu-system-x86','004','dm-0',591573,5646);
INSERT INTO avc_records VALUES(74,0,'AVC','denied','read','system_u:system_r:svirt_t:s0:c192,c755','system_u:object_r:virt_content_t:s0','file',1,23396,'qemu-system-x86','retired.qcow2','dm-0',830884,5661);
INSERT INTO avc_records VALUES(75,0,'AVC','denied','write','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:sysfs_t:s0','file',1,6299,'qemu-system-x86','config','dm-0',952139,5716);
INSERT INTO avc_records VALUES(75,1,'AVC','denied','open','system_u:system_r:svirt_t:s0:c495,c500','system_u:object_r:sysfs_t:s0','file',1,6299,'qemu-system-x86','config','dm-0',347753,5717);
INSERT INTO avc_records VALUES(76,0,'USER_AVC','denied','send_msg','system_u:system_r:cockpit_ws_t:s0','system_u:system_r:init_t:s0','dbus',0,812,NULL,NULL,NULL,NULL,5768);
CREATE TABLE denial_parties (
    denial_id INTEGER NOT NULL REFERENCES denials(id),
    side      TEXT    NOT NULL,                -- source | target
    lease_id  INTEGER NOT NULL REFERENCES leases(id),
    PRIMARY KEY (denial_id, side, lease_id)
) WITHOUT ROWID;
INSERT INTO denial_parties VALUES(3,'source',1);
INSERT INTO denial_parties VALUES(6,'target',1);
INSERT INTO denial_parties VALUES(8,'source',3);
INSERT INTO denial_parties VALUES(10,'source',3);
INSERT INTO denial_parties VALUES(44,'source',3);
INSERT INTO denial_parties VALUES(50,'source',3);
INSERT INTO denial_parties VALUES(2,'target',3);
INSERT INTO denial_parties VALUES(12,'target',3);
INSERT INTO denial_parties VALUES(13,'target',3);
INSERT INTO denial_parties VALUES(17,'target',3);
INSERT INTO denial_parties VALUES(23,'target',3);
INSERT INTO denial_parties VALUES(25,'target',3);
INSERT INTO denial_parties VALUES(51,'target',3);
INSERT INTO denial_parties VALUES(63,'target',3);
INSERT INTO denial_parties VALUES(68,'target',3);
INSERT INTO denial_parties VALUES(2,'source',5);
INSERT INTO denial_parties VALUES(6,'source',5);
INSERT INTO denial_parties VALUES(16,'source',5);
INSERT INTO denial_parties VALUES(46,'source',5);
INSERT INTO denial_parties VALUES(51,'source',5);
INSERT INTO denial_parties VALUES(52,'source',5);
INSERT INTO denial_parties VALUES(54,'target',5);
INSERT INTO denial_parties VALUES(59,'target',5);
INSERT INTO denial_parties VALUES(12,'source',7);
INSERT INTO denial_parties VALUES(14,'source',7);
INSERT INTO denial_parties VALUES(23,'source',7);
INSERT INTO denial_parties VALUES(31,'source',7);
INSERT INTO denial_parties VALUES(19,'source',9);
INSERT INTO denial_parties VALUES(24,'source',9);
INSERT INTO denial_parties VALUES(26,'source',9);
INSERT INTO denial_parties VALUES(48,'source',9);
INSERT INTO denial_parties VALUES(60,'source',9);
INSERT INTO denial_parties VALUES(75,'source',9);
INSERT INTO denial_parties VALUES(37,'target',9);
INSERT INTO denial_parties VALUES(66,'target',9);
INSERT INTO denial_parties VALUES(21,'source',11);
INSERT INTO denial_parties VALUES(22,'source',11);
INSERT INTO denial_parties VALUES(40,'source',13);
INSERT INTO denial_parties VALUES(60,'target',13);
INSERT INTO denial_parties VALUES(25,'source',15);
INSERT INTO denial_parties VALUES(30,'source',15);
INSERT INTO denial_parties VALUES(61,'source',15);
INSERT INTO denial_parties VALUES(63,'source',15);
INSERT INTO denial_parties VALUES(67,'source',15);
INSERT INTO denial_parties VALUES(68,'source',15);
INSERT INTO denial_parties VALUES(71,'source',15);
INSERT INTO denial_parties VALUES(40,'target',15);
INSERT INTO denial_parties VALUES(44,'target',15);
INSERT INTO denial_parties VALUES(37,'source',17);
INSERT INTO denial_parties VALUES(39,'source',17);
INSERT INTO denial_parties VALUES(56,'source',17);
INSERT INTO denial_parties VALUES(48,'target',17);
INSERT INTO denial_parties VALUES(64,'target',17);
INSERT INTO denial_parties VALUES(54,'source',19);
INSERT INTO denial_parties VALUES(59,'source',19);
INSERT INTO denial_parties VALUES(64,'source',19);
INSERT INTO denial_parties VALUES(66,'source',19);
INSERT INTO denial_parties VALUES(72,'source',19);
INSERT INTO denial_parties VALUES(51,'target',19);
INSERT INTO denial_parties VALUES(63,'target',19);
INSERT INTO denial_parties VALUES(68,'target',19);
INSERT INTO denial_parties VALUES(73,'source',21);
INSERT INTO denial_parties VALUES(74,'source',21);
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
INSERT INTO events VALUES(1,NULL,'',NULL,NULL,'domain-start','build002','6f03675a-6b0d-11e2-3d9c-8d111738f7d9','system_u:system_r:svirt_tcg_t:s0:c495,c500','{"pid":3034,"bootstrap":true,"static":false,"status_file":"/work/main/tools/sample/run/build002.xml"}');
INSERT INTO events VALUES(2,NULL,'',NULL,NULL,'domain-start','ci001','128b2f33-d23f-892f-1818-95315d9dc9f8','system_u:system_r:svirt_t:s0:c813,c949','{"pid":3012,"bootstrap":true,"static":false,"status_file":"/work/main/tools/sample/run/ci001.xml"}');
INSERT INTO events VALUES(3,NULL,'',NULL,NULL,'domain-start','ldap003','39263059-a170-a09f-953f-0fd6f29d0da9','system_u:system_r:svirt_t:s0:c420,c531','{"pid":3074,"bootstrap":true,"static":false,"status_file":"/work/main/tools/sample/run/ldap003.xml"}');
INSERT INTO events VALUES(4,NULL,'',NULL,NULL,'domain-start','web004','0becd7b0-8e81-dbc4-2217-6b4c4a23d596','system_u:system_r:svirt_t:s0:c645,c776','{"pid":3088,"bootstrap":true,"static":false,"status_file":"/work/main/tools/sample/run/web004.xml"}');
INSERT INTO events VALUES(5,7,'',1764042445736,892,'domain-stop','build002','6f03675a-6b0d-11e2-3d9c-8d111738f7d9',NULL,'{"reason":"shutdown","success":true}');
INSERT INTO events VALUES(6,21,'',1764042446993,1030,'domain-start','cache005','c6cfbfe5-11a3-cf40-cc63-3173a261621f','system_u:system_r:svirt_t:s0:c495,c500','{"pid":6299,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(7,22,'',1764042447094,1041,'boolean-change',NULL,NULL,NULL,'{"boolean":"virt_use_fusefs","value":1,"old_value":0,"auid":1000,"user":null,"exe":"/usr/sbin/setsebool"}');
INSERT INTO events VALUES(8,30,'',1764042447555,1101,'domain-start','mail006','29858691-0eb7-d513-b9fa-4b24fa811b6d','system_u:system_r:svirt_t:s0:c788,c796','{"pid":7270,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(9,37,'',1764042448098,1174,'boolean-change',NULL,NULL,NULL,'{"boolean":"virt_use_usb","value":1,"old_value":0,"auid":1000,"user":null,"exe":"/usr/sbin/setsebool"}');
INSERT INTO events VALUES(10,44,'',1764042448245,1195,'domain-start','vpn007','904b96d0-43b1-1bda-a525-f4ec7d26ff92','system_u:system_r:svirt_t:s0:c761,c876','{"pid":8783,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(11,52,'',1764042448288,1209,'domain-start','cache008','29e42f63-2367-7174-a302-66c1f845a62b','system_u:system_r:svirt_t:s0:c20,c350','{"pid":8865,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(12,60,'',1764042449845,1375,'domain-stop','mail006','29858691-0eb7-d513-b9fa-4b24fa811b6d',NULL,'{"reason":"crashed","success":true}');
INSERT INTO events VALUES(13,72,'',1764042451037,1515,'domain-start','web009','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','system_u:system_r:svirt_t:s0:c527,c852','{"pid":13590,"bootstrap":false,"static":false,"reason":"booted"}');
INSERT INTO events VALUES(14,78,'',1764042452084,1627,'domain-stop','web004','0becd7b0-8e81-dbc4-2217-6b4c4a23d596',NULL,'{"reason":"crashed","success":true}');
INSERT INTO events VALUES(15,87,'',1764042452387,1665,'domain-start','db010','6641f7cc-3d89-a764-db48-3e5a6c212283','system_u:system_r:svirt_t:s0:c813,c949','{"pid":15637,"bootstrap":false,"static":true,"reason":"booted"}');
INSERT INTO events VALUES(16,87,'',1764042452387,1665,'label-collision','db010','6641f7cc-3d89-a764-db48-3e5a6c212283','s0:c813,c949','{"vms":["ci001","db010"],"uuids":["128b2f33-d23f-892f-1818-95315d9dc9f8","6641f7cc-3d89-a764-db48-3e5a6c212283"],"lease_ids":["3","19"]}');
INSERT INTO events VALUES(17,114,'',1764042455554,2047,'enforcing-change',NULL,NULL,NULL,'{"enforcing":0,"old_enforcing":1,"auid":1000,"user":null,"exe":"/usr/sbin/setenforce"}');
INSERT INTO events VALUES(18,119,'',1764042456250,2127,'domain-stop','ci001','128b2f33-d23f-892f-1818-95315d9dc9f8',NULL,'{"reason":"shutdown","success":true}');
INSERT INTO events VALUES(19,126,'',1764042456369,2143,'domain-start','dns011','28dca2d3-c52e-a112-4ade-d4daf572617b','system_u:system_r:svirt_t:s0:c192,c755','{"pid":23396,"bootstrap":false,"static":false,"reason":"booted"}');
CREATE TABLE parse_errors (
    id          INTEGER PRIMARY KEY,
    source_id   INTEGER REFERENCES sources(id),
    path        TEXT    NOT NULL,
    line        INTEGER NOT NULL,
    byte_offset INTEGER,
    reason      TEXT    NOT NULL,
    text        TEXT    NOT NULL,
    stage       TEXT    NOT NULL,          -- reader (a line or record) | decoder (a field of a kept event)
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
INSERT INTO pair_totals VALUES('0becd7b0-8e81-dbc4-2217-6b4c4a23d596','128b2f33-d23f-892f-1818-95315d9dc9f8','web004','ci001','cross-guest',2,1764042446792,1764042448875,'read,write','blk_file,file','-',0,'/dev/mapper/vg0-ci001');
INSERT INTO pair_totals VALUES('128b2f33-d23f-892f-1818-95315d9dc9f8','29e42f63-2367-7174-a302-66c1f845a62b','ci001','cache008','cross-guest',1,1764042452828,1764042452828,'read','file','-',0,'/var/lib/libvirt/images/cache008.qcow2');
INSERT INTO pair_totals VALUES('29e42f63-2367-7174-a302-66c1f845a62b','128b2f33-d23f-892f-1818-95315d9dc9f8','cache008','ci001','cross-guest',1,1764042448950,1764042448950,'open','blk_file','-',0,'/dev/mapper/vg0-ci001');
INSERT INTO pair_totals VALUES('29e42f63-2367-7174-a302-66c1f845a62b','128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283','cache008','ci001','cross-guest',2,1764042455089,1764042455755,'read,sigkill','file,process','-',1,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO pair_totals VALUES('39263059-a170-a09f-953f-0fd6f29d0da9','128b2f33-d23f-892f-1818-95315d9dc9f8','ldap003','ci001','cross-guest',1,1764042445261,1764042445261,'read','file','-',0,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO pair_totals VALUES('39263059-a170-a09f-953f-0fd6f29d0da9','128b2f33-d23f-892f-1818-95315d9dc9f8,6641f7cc-3d89-a764-db48-3e5a6c212283','ldap003','ci001','cross-guest',1,1764042453897,1764042453897,'open,read,write','file','-',0,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO pair_totals VALUES('39263059-a170-a09f-953f-0fd6f29d0da9','6f03675a-6b0d-11e2-3d9c-8d111738f7d9','ldap003','build002','cross-guest',1,1764042445584,1764042445584,'read','file','-',0,'/var/lib/libvirt/images/build002.qcow2');
INSERT INTO pair_totals VALUES('6641f7cc-3d89-a764-db48-3e5a6c212283','39263059-a170-a09f-953f-0fd6f29d0da9','db010','ldap003','cross-guest',2,1764042454368,1764042454907,'read,write','file','-',0,'/var/lib/libvirt/images/ldap003.qcow2');
INSERT INTO pair_totals VALUES('6641f7cc-3d89-a764-db48-3e5a6c212283','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','db010','web009','cross-guest',1,1764042455098,1764042455098,'signal','process','-',0,NULL);
INSERT INTO pair_totals VALUES('6641f7cc-3d89-a764-db48-3e5a6c212283','c6cfbfe5-11a3-cf40-cc63-3173a261621f','db010','cache005','cross-guest',1,1764042455465,1764042455465,'read','file','-',0,'/var/lib/libvirt/images/cache005.qcow2');
INSERT INTO pair_totals VALUES('904b96d0-43b1-1bda-a525-f4ec7d26ff92','29e42f63-2367-7174-a302-66c1f845a62b','vpn007','cache008','cross-guest',1,1764042452352,1764042452352,'ptrace','process','-',0,NULL);
INSERT INTO pair_totals VALUES('c57579e0-56c1-d3b5-b43f-ae63b75e1ede','c6cfbfe5-11a3-cf40-cc63-3173a261621f','web009','cache005','cross-guest',1,1764042451829,1764042451829,'open,read,write','file','-',0,'/var/lib/libvirt/images/cache005.qcow2');
INSERT INTO pair_totals VALUES('c6cfbfe5-11a3-cf40-cc63-3173a261621f','904b96d0-43b1-1bda-a525-f4ec7d26ff92','cache005','vpn007','cross-guest',1,1764042454960,1764042454960,'read,write','file','-',0,'/var/lib/libvirt/images/vpn007.qcow2');
INSERT INTO pair_totals VALUES('c6cfbfe5-11a3-cf40-cc63-3173a261621f','c57579e0-56c1-d3b5-b43f-ae63b75e1ede','cache005','web009','cross-guest',1,1764042453700,1764042453700,'open','file','-',0,'/var/lib/libvirt/images/web009.qcow2');
INSERT INTO pair_totals VALUES('label:s0:c208,c337','128b2f33-d23f-892f-1818-95315d9dc9f8',NULL,'ci001','unknown-source',1,1764042446894,1764042446894,'open,read','file','-',0,'/var/lib/libvirt/images/ci001.qcow2');
INSERT INTO pair_totals VALUES('label:s0:c21,c52','128b2f33-d23f-892f-1818-95315d9dc9f8',NULL,'ci001','unknown-source',1,1764042447861,1764042447861,'read','file','-',0,'/var/lib/libvirt/images/ci001.qcow2');
CREATE TABLE daily_totals (
    day     INTEGER NOT NULL,              -- days since 1970-01-01
    node    TEXT    NOT NULL,
    kind    TEXT    NOT NULL,
    count   INTEGER NOT NULL,
    last_ms INTEGER NOT NULL,
    PRIMARY KEY (day, node, kind)
) WITHOUT ROWID;
INSERT INTO daily_totals VALUES(20417,'','cross-guest',17,1764042455755);
INSERT INTO daily_totals VALUES(20417,'','guest-host',3,1764042455724);
INSERT INTO daily_totals VALUES(20417,'','host-other',33,1764042457708);
INSERT INTO daily_totals VALUES(20417,'','needs-boolean',14,1764042457631);
INSERT INTO daily_totals VALUES(20417,'','shared-content-write',2,1764042456677);
INSERT INTO daily_totals VALUES(20417,'','stale-image',5,1764042457496);
INSERT INTO daily_totals VALUES(20417,'','unknown-source',2,1764042447861);
CREATE TABLE node_activity (
    node    TEXT    PRIMARY KEY,
    events  INTEGER NOT NULL,
    last_ms INTEGER NOT NULL
) WITHOUT ROWID;
INSERT INTO node_activity VALUES('',132,1764042457708);
CREATE INDEX sources_first_line ON sources(first_line_hash);
CREATE INDEX audit_events_time ON audit_events(time_ms);
CREATE INDEX guests_by_name ON guests(name);
CREATE INDEX guests_by_uuid ON guests(uuid);
CREATE INDEX leases_by_label ON leases(level, node, valid_from_ms);
CREATE INDEX leases_by_guest ON leases(guest_id);
CREATE INDEX guest_resources_by_uuid ON guest_resources(node, uuid);
CREATE INDEX guest_resources_by_lease ON guest_resources(lease_id);
CREATE INDEX denials_by_kind_time ON denials(kind, time_ms);
CREATE INDEX denials_by_time ON denials(time_ms);
CREATE INDEX denials_by_node_time ON denials(node, time_ms);
CREATE INDEX denials_by_pair ON denials(kind, source_key, target_key);
CREATE INDEX denial_parties_by_lease ON denial_parties(lease_id, side);
CREATE INDEX events_by_kind_time ON events(kind, time_ms);
CREATE INDEX events_by_node_time ON events(node, time_ms);
CREATE INDEX events_by_uuid ON events(uuid);
COMMIT;
PRAGMA user_version = 1;
