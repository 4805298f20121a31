/* ioctl requests whose arguments strace decodes, raw: `h_ioctls WORKDIR`.
 * Each family is a function of its own; every call goes to descriptor -1 (or
 * to a file the helper made, which refuses it with ENOTTY), so nothing on the
 * machine changes, with its argument NULL, unreadable, half-readable and
 * readable, as the upstream tests of the families do. */
#include "helper.h"
#include <string.h>
#include <linux/fs.h>
#include <linux/fiemap.h>
#include <linux/blkpg.h>
#include <linux/blktrace_api.h>
#include <linux/nbd.h>
#include <linux/nsfs.h>
#include <scsi/sg.h>
#include <linux/hdreg.h>
#include <linux/counter.h>
#include <linux/random.h>
#include <linux/seccomp.h>
#include <linux/lirc.h>
#include <linux/rtc.h>
#include <linux/input.h>
#include <sys/syscall.h>
#include <sys/ioctl.h>

/* A value in every bit pattern the tests look for. */
#define FILL 0xdeadbeefcafef00dULL

static void block_calls(char *page_end)
{
	int i = -559038737;
	unsigned long long pair[2] = { FILL, 4096 };
	static const unsigned long gets[] = {
		BLKROGET, BLKGETSIZE, BLKRAGET, BLKFRAGET, BLKSECTGET, BLKSSZGET,
		BLKIOMIN, BLKIOOPT, BLKALIGNOFF, BLKPBSZGET, BLKDISCARDZEROES,
		BLKROTATIONAL, BLKGETDISKSEQ, BLKBSZGET, BLKGETSIZE64,
	};
	int file = open("block", O_RDWR | O_CREAT, 0600);

	for (size_t k = 0; k < sizeof(gets) / sizeof(gets[0]); k++) {
		ioctl(-1, gets[k], NULL);
		ioctl(-1, gets[k], &pair);
		/* A regular file refuses them: ENOTTY, the address. */
		ioctl(file, gets[k], &pair);
	}
	ioctl(-1, BLKROSET, &i);
	ioctl(-1, BLKBSZSET, page_end - 2);
	ioctl(-1, BLKRASET, FILL);
	ioctl(-1, BLKFRASET, 0);
	ioctl(-1, BLKDISCARD, pair);
	ioctl(-1, BLKSECDISCARD, page_end - 8);
	ioctl(-1, BLKZEROOUT, NULL);
	ioctl(-1, BLKRRPART, FILL);
	ioctl(-1, BLKFLSBUF);
	ioctl(-1, BLKTRACESTART);
	ioctl(-1, BLKTRACESTOP);
	ioctl(-1, BLKTRACETEARDOWN);
	close(file);
}

/* strace's generated HDIO decoders and HDIO_DRIVE_CMD. */
static void hdio_more_calls(char *page_end)
{
	static const unsigned long gets[] = {
		HDIO_GET_UNMASKINTR, HDIO_GET_MULTCOUNT, HDIO_GET_32BIT,
		HDIO_GET_NICE, HDIO_GET_BUSSTATE, HDIO_GET_IDENTITY,
		HDIO_OBSOLETE_IDENTITY,
	};
	static const unsigned long sets[] = {
		HDIO_SET_MULTCOUNT, HDIO_SET_32BIT, HDIO_SET_PIO_MODE,
		HDIO_UNREGISTER_HWIF, HDIO_SET_ADDRESS,
	};
	unsigned int args[3] = { 0xdeadbeef, 0, 1 };
	struct hd_drive_cmd_hdr cmd = { 0xca, 255, 238, 0 };
	struct hd_drive_cmd_hdr odd = { 0x80, 1, 2, 3 };
	char buf[600];

	memset(buf, 0x5a, sizeof(buf));
	for (size_t k = 0; k < sizeof(gets) / sizeof(gets[0]); k++) {
		ioctl(-1, gets[k], NULL);
		ioctl(-1, gets[k], buf);
	}
	for (size_t k = 0; k < sizeof(sets) / sizeof(sets[0]); k++)
		ioctl(-1, sets[k], FILL);
	ioctl(-1, HDIO_SET_NICE, FILL);
	ioctl(-1, HDIO_SET_NICE, 0x1b);
	ioctl(-1, HDIO_SET_BUSSTATE, 1);
	ioctl(-1, HDIO_SET_BUSSTATE, FILL);
	ioctl(-1, HDIO_DRIVE_RESET, args);
	ioctl(-1, HDIO_SCAN_HWIF, page_end - 4);
	ioctl(-1, HDIO_SCAN_HWIF, NULL);
	ioctl(-1, HDIO_DRIVE_CMD, NULL);
	ioctl(-1, HDIO_DRIVE_CMD, &cmd);
	ioctl(-1, HDIO_DRIVE_CMD, &odd);
	ioctl(-1, HDIO_DRIVE_CMD, page_end - 2);
}

static void hdio_calls(char *page_end)
{
	struct hd_geometry geo;

	memset(&geo, 0xa5, sizeof(geo));
	ioctl(-1, HDIO_GETGEO, NULL);
	ioctl(-1, HDIO_GETGEO, page_end - 1);
	ioctl(-1, HDIO_GETGEO, &geo);
	hdio_more_calls(page_end);
}

static void tiocm_calls(char *page_end)
{
	int lines = TIOCM_DTR | TIOCM_RTS | 0x8000 | 0x10000;
	int none = 0x10000;

	ioctl(-1, TIOCMGET, NULL);
	ioctl(-1, TIOCMGET, &lines);
	ioctl(-1, TIOCMBIS, &lines);
	ioctl(-1, TIOCMBIC, &none);
	ioctl(-1, TIOCMSET, page_end - 2);
	ioctl(-1, TIOCMSET, NULL);
}

static void random_calls(char *page_end)
{
	struct {
		int entropy_count, buf_size;
		char buf[12];
	} pool = { 3, 12, "ab\1cd\"\nefghi" };
	int n = 6;

	ioctl(-1, RNDGETENTCNT, &n);
	ioctl(-1, RNDADDTOENTCNT, &n);
	ioctl(-1, RNDADDENTROPY, NULL);
	ioctl(-1, RNDADDENTROPY, &pool);
	pool.buf_size = 100;
	ioctl(-1, RNDADDENTROPY, &pool);
	ioctl(-1, RNDADDENTROPY, page_end - 4);
	ioctl(-1, RNDZAPENTCNT, FILL);
	ioctl(-1, RNDCLEARPOOL);
	ioctl(-1, RNDRESEEDCRNG);
}

static void counter_calls(char *page_end)
{
	struct counter_watch w = {
		.component = { COUNTER_COMPONENT_COUNT, COUNTER_SCOPE_SIGNAL, 7, 9 },
		.event = COUNTER_EVENT_INDEX,
		.channel = 200,
	};
	struct counter_watch bad = {
		.component = { 0x77, 0x66, 1, 2 }, .event = 0x55, .channel = 3,
	};

	ioctl(-1, COUNTER_ADD_WATCH_IOCTL, NULL);
	ioctl(-1, COUNTER_ADD_WATCH_IOCTL, &w);
	ioctl(-1, COUNTER_ADD_WATCH_IOCTL, &bad);
	ioctl(-1, COUNTER_ADD_WATCH_IOCTL, page_end - 3);
	ioctl(-1, COUNTER_ENABLE_EVENTS_IOCTL, FILL);
	ioctl(-1, COUNTER_DISABLE_EVENTS_IOCTL);
}

static void seccomp_calls(char *page_end)
{
	struct seccomp_notif zero, notif;
	struct seccomp_notif_resp resp = { 1, -2, -63, 1 };
	struct seccomp_notif_addfd addfd = { 0xab, 0x13, 0, 4, O_CLOEXEC };
	unsigned long long id = FILL;

	memset(&zero, 0, sizeof(zero));
	memset(&notif, 0, sizeof(notif));
	notif.id = FILL;
	notif.data.nr = SYS_gettid;
	notif.data.arch = 0xc000003e;
	notif.data.args[5] = FILL;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, NULL);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, &zero);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, &notif);
	notif.data.arch = 0x1234;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, &notif);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, page_end - 8);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	resp.error = -100000;
	resp.flags = 6;
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, &resp);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, NULL);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, &id);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID, page_end - 4);
	ioctl(-1, _IOR('!', 2, __u64), &id);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, &addfd);
	ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, NULL);
}

static void lirc_calls(char *page_end)
{
	unsigned int v = 0x80000012;
	static const unsigned long gets[] = {
		LIRC_GET_FEATURES, LIRC_GET_SEND_MODE, LIRC_GET_LENGTH,
		LIRC_GET_REC_TIMEOUT,
	};
	static const unsigned long sets[] = {
		LIRC_SET_SEND_MODE, LIRC_SET_TRANSMITTER_MASK,
		LIRC_SET_REC_CARRIER_RANGE, LIRC_SET_WIDEBAND_RECEIVER,
	};

	for (size_t k = 0; k < sizeof(gets) / sizeof(gets[0]); k++) {
		ioctl(-1, gets[k], NULL);
		ioctl(-1, gets[k], &v);
	}
	for (size_t k = 0; k < sizeof(sets) / sizeof(sets[0]); k++) {
		ioctl(-1, sets[k], &v);
		ioctl(-1, sets[k], page_end - 2);
	}
	v = LIRC_MODE_PULSE;
	ioctl(-1, LIRC_SET_REC_MODE, &v);
}

static void rtc_calls(char *page_end)
{
	struct rtc_time tm = { 1, 2, 3, 4, 5, 6, 7, 8, 9 };
	struct rtc_wkalrm wk = { .enabled = 1, .pending = 2, .time = tm };
	struct rtc_pll_info pll = { 1, 2, 3, 4, 5, 6, -7 };
	struct rtc_param param = { RTC_PARAM_FEATURES, { .uvalue = 0x141 }, 2, 0 };
	unsigned int vl = 0x11;

	ioctl(-1, RTC_AIE_ON);
	ioctl(-1, RTC_UIE_OFF, FILL);
	ioctl(-1, RTC_SET_TIME, &tm);
	ioctl(-1, RTC_RD_TIME, &tm);
	ioctl(-1, RTC_ALM_SET, page_end - 8);
	ioctl(-1, RTC_WKALM_SET, &wk);
	ioctl(-1, RTC_PLL_SET, &pll);
	ioctl(-1, RTC_PLL_GET, NULL);
	ioctl(-1, RTC_VL_READ, &vl);
	ioctl(-1, RTC_EPOCH_SET, FILL);
	ioctl(-1, RTC_IRQP_READ, &vl);
	ioctl(-1, RTC_PARAM_SET, &param);
	ioctl(-1, RTC_PARAM_GET, &param);
	ioctl(-1, RTC_PARAM_GET, NULL);
	ioctl(-1, RTC_PARAM_GET, page_end - 8);
	param.param = RTC_PARAM_CORRECTION;
	param.svalue = -5;
	param.__pad = 3;
	ioctl(-1, RTC_PARAM_SET, &param);
	param.param = RTC_PARAM_BACKUP_SWITCH_MODE;
	param.uvalue = 2;
	ioctl(-1, RTC_PARAM_SET, &param);
	param.param = 9;
	ioctl(-1, RTC_PARAM_SET, &param);
}

/* strace's fs_f_ioctl.c and fs_x_ioctl.c: inode flags, the 'X' requests and
 * FS_IOC_FIEMAP, whose extents show when a call succeeds (an injected one). */
static void fs_calls(char *page_end)
{
	static const unsigned long sets[] = {
		FS_IOC_SETFLAGS, FS_IOC32_SETFLAGS, FS_IOC_FSSETXATTR, FITRIM,
	};
	static const unsigned long gets[] = {
		FS_IOC_GETFLAGS, FS_IOC32_GETFLAGS, FS_IOC_FSGETXATTR,
	};
	/* Big enough for every request's struct, read from flags[1] too. */
	unsigned int flags[8] = { 0x80000011, 0x0d000000 };
	struct fsxattr fsx = { 0x8000000b, 4096, 3, 0x2a, 7, { 0 } };
	struct fstrim_range range = { FILL, 4096, 512 };
	struct {
		struct fiemap fm;
		struct fiemap_extent fe[2];
	} map;
	unsigned int *unknown = &flags[1];

	for (size_t k = 0; k < sizeof(sets) / sizeof(sets[0]); k++) {
		ioctl(-1, sets[k], NULL);
		ioctl(-1, sets[k], page_end - 4);
		ioctl(-1, sets[k], flags);
		ioctl(-1, sets[k], unknown);
	}
	ioctl(-1, FS_IOC_FSSETXATTR, &fsx);
	ioctl(-1, FITRIM, &range);
	for (size_t k = 0; k < sizeof(gets) / sizeof(gets[0]); k++) {
		ioctl(-1, gets[k], NULL);
		ioctl(-1, gets[k], flags);
		ioctl(-1, gets[k], &fsx);
	}
	ioctl(-1, FIFREEZE, FILL);
	ioctl(-1, FITHAW);

	memset(&map, 0, sizeof(map));
	map.fm.fm_start = FILL;
	map.fm.fm_length = 1 << 20;
	map.fm.fm_flags = FIEMAP_FLAG_SYNC | 0x10;
	map.fm.fm_mapped_extents = 2;
	map.fm.fm_extent_count = 2;
	map.fe[0].fe_logical = 4096;
	map.fe[0].fe_flags = FIEMAP_EXTENT_LAST | FIEMAP_EXTENT_SHARED;
	map.fe[1].fe_length = FILL;
	map.fe[1].fe_flags = 0x8000;
	ioctl(-1, FS_IOC_FIEMAP, NULL);
	ioctl(-1, FS_IOC_FIEMAP, page_end - 16);
	ioctl(-1, FS_IOC_FIEMAP, &map);
	/* Mapped extents past the memory: the array stops with their address
	 * (the second one half-readable, the first none). */
	map.fm.fm_mapped_extents = 3;
	memcpy(page_end - sizeof(map) - 28, &map, sizeof(map));
	ioctl(-1, FS_IOC_FIEMAP, page_end - sizeof(map) - 28);
	memcpy(page_end - sizeof(map.fm), &map, sizeof(map.fm));
	ioctl(-1, FS_IOC_FIEMAP, page_end - sizeof(map.fm));
}

/* block.c's requests with structs: BLKPG, whose struct points to a
 * partition's, and BLKTRACESETUP's request. */
static void blkpg_calls(char *page_end)
{
	struct blkpg_partition part;
	struct blkpg_ioctl_arg arg = { BLKPG_ADD_PARTITION, -1, sizeof(part), &part };
	struct blk_user_trace_setup setup;

	memset(&part, 0, sizeof(part));
	part.start = -1;
	part.length = 4096;
	part.pno = 2;
	strcpy(part.devname, "sda1");
	memset(part.volname, 'V', sizeof(part.volname));
	ioctl(-1, BLKPG, NULL);
	ioctl(-1, BLKPG, page_end - 8);
	ioctl(-1, BLKPG, &arg);
	arg.op = BLKPG_RESIZE_PARTITION;
	arg.data = page_end - 16;
	ioctl(-1, BLKPG, &arg);
	arg.op = 7;
	arg.data = NULL;
	ioctl(-1, BLKPG, &arg);

	memset(&setup, 0, sizeof(setup));
	setup.act_mask = 0xa0a0;
	setup.buf_size = 512;
	setup.buf_nr = 4;
	setup.start_lba = FILL;
	setup.end_lba = -1;
	setup.pid = 1;
	ioctl(-1, BLKTRACESETUP, NULL);
	ioctl(-1, BLKTRACESETUP, page_end - 8);
	ioctl(-1, BLKTRACESETUP, &setup);
}

/* nbd_ioctl.c's requests, and nsfs.c's on this process's namespaces: what
 * NS_GET_NSTYPE and NS_GET_USERNS return is decoded too (a failure where
 * the namespace's owner is out of reach is the same for both tracers). */
static void nbd_nsfs_calls(char *page_end)
{
	unsigned int uid;
	int user = open("/proc/self/ns/user", O_RDONLY);
	int uts = open("/proc/self/ns/uts", O_RDONLY);
	int got;

	ioctl(-1, NBD_DO_IT, FILL);
	ioctl(-1, NBD_CLEAR_SOCK);
	ioctl(-1, NBD_SET_SOCK, 0);
	ioctl(-1, NBD_SET_SIZE, FILL);
	ioctl(-1, NBD_SET_TIMEOUT, 30);
	ioctl(-1, NBD_SET_FLAGS, 0);
	ioctl(-1, NBD_SET_FLAGS, NBD_FLAG_HAS_FLAGS | NBD_FLAG_SEND_TRIM | 0x80000400UL);

	ioctl(-1, NS_GET_USERNS);
	ioctl(-1, NS_GET_OWNER_UID, NULL);
	ioctl(user, NS_GET_NSTYPE);
	ioctl(uts, NS_GET_NSTYPE);
	ioctl(user, NS_GET_OWNER_UID, &uid);
	ioctl(user, NS_GET_OWNER_UID, page_end - 2);
	ioctl(user, NS_GET_PARENT);
	got = ioctl(uts, NS_GET_USERNS);
	if (got >= 0)
		close(got);
	close(user);
	close(uts);
}

/* scsi.c's requests: ints set and got, SG_GET_SCSI_ID's struct and
 * SG_GET_REQUEST_TABLE's first entry (shown when an injected call succeeds),
 * SG_SCSI_RESET and SG_IO's interface id. */
static void scsi_calls(char *page_end)
{
	static const unsigned long sets[] = {
		SG_SET_TIMEOUT, SG_SET_COMMAND_Q, SG_SET_RESERVED_SIZE,
		SG_NEXT_CMD_LEN, SG_SET_KEEP_ORPHAN,
	};
	static const unsigned long gets[] = {
		SG_EMULATED_HOST, SG_GET_VERSION_NUM, SG_GET_SCSI_ID,
		SG_GET_REQUEST_TABLE,
	};
	/* Wide enough for sg_scsi_id and sg_req_info; a reset's int first. */
	int vals[8] = { -5, 2, 3, 4, 5, 0x70006, 100, 0 };
	unsigned int resets[] = { 0x102, 0xfacefeed, 1 };
	unsigned int iid = 'Z';

	for (size_t k = 0; k < sizeof(sets) / sizeof(sets[0]); k++) {
		ioctl(-1, sets[k], NULL);
		ioctl(-1, sets[k], vals);
	}
	for (size_t k = 0; k < sizeof(gets) / sizeof(gets[0]); k++) {
		ioctl(-1, gets[k], NULL);
		ioctl(-1, gets[k], vals);
	}
	ioctl(-1, SG_GET_TIMEOUT, FILL);
	for (size_t k = 0; k < sizeof(resets) / sizeof(resets[0]); k++)
		ioctl(-1, SG_SCSI_RESET, &resets[k]);
	ioctl(-1, SG_SCSI_RESET, page_end - 2);
	ioctl(-1, SG_IO, NULL);
	ioctl(-1, SG_IO, page_end - 2);
	ioctl(-1, SG_IO, &iid);
}

/* evdev: reads print at exit (their bit sets sized by the return value), writes
 * at entry; each with NULL, a half-readable pointer and a readable one. */
static void evdev_calls(char *page_end)
{
	static const unsigned long reqs[] = {
		EVIOCGVERSION, EVIOCGEFFECTS, EVIOCGID, EVIOCGREP, EVIOCSREP,
		EVIOCGKEYCODE, EVIOCSKEYCODE, EVIOCGKEYCODE_V2, EVIOCSKEYCODE_V2,
		EVIOCSCLOCKID, EVIOCGNAME(64), EVIOCGPHYS(0), EVIOCGUNIQ(8),
		EVIOCGPROP(8), EVIOCGKEY(64), EVIOCGLED(8), EVIOCGSND(8),
		EVIOCGSW(8), EVIOCGMTSLOTS(12), EVIOCGMTSLOTS(0),
		EVIOCGABS(ABS_Y), EVIOCSABS(ABS_MT_SLOT), EVIOCGBIT(0, 8),
		EVIOCGBIT(EV_KEY, 64), EVIOCGBIT(EV_REL, 8), EVIOCGBIT(EV_ABS, 8),
		EVIOCGBIT(EV_MSC, 8), EVIOCGBIT(EV_SW, 8), EVIOCGBIT(EV_LED, 8),
		EVIOCGBIT(EV_SND, 8), EVIOCGBIT(EV_REP, 8), EVIOCGBIT(EV_FF, 16),
		EVIOCGBIT(EV_PWR, 4), EVIOCGBIT(EV_FF_STATUS, 8),
		EVIOCGBIT(6, 8), EVIOCSFF,
		_IOC(_IOC_READ, 'E', 0x41, 16), _IOC(_IOC_READ, 'E', 0x41, 20),
		_IOC(_IOC_READ, 'E', 0x41, 28),
	};
	/* Wide enough for every struct; a pattern with bits in every byte. */
	unsigned char buf[96];
	struct ff_effect ffe;

	for (size_t k = 0; k < sizeof(buf); k++)
		buf[k] = (unsigned char) (0x31 + 7 * k);
	for (size_t k = 0; k < sizeof(reqs) / sizeof(reqs[0]); k++) {
		ioctl(-1, reqs[k], NULL);
		ioctl(-1, reqs[k], page_end - 2);
		ioctl(-1, reqs[k], buf);
	}
	ioctl(-1, EVIOCRMFF, (unsigned long) FILL);
	ioctl(-1, EVIOCGRAB, (unsigned long) FILL);
	ioctl(-1, EVIOCREVOKE, 0);
	memset(&ffe, 0x85, sizeof(ffe));
	const unsigned short types[] = { FF_CONSTANT, FF_RAMP, FF_PERIODIC, FF_RUMBLE, 0xff };
	for (size_t k = 0; k < sizeof(types) / sizeof(types[0]); k++) {
		ffe.type = types[k];
		ioctl(-1, EVIOCSFF, &ffe);
	}
}

int main(int argc, char **argv)
{
	char *page_end;

	setup(argc, argv);
	page_end = page_end_unmapped();
	if (!page_end)
		return 1;
	begin_marker();
	block_calls(page_end);
	hdio_calls(page_end);
	tiocm_calls(page_end);
	random_calls(page_end);
	counter_calls(page_end);
	seccomp_calls(page_end);
	lirc_calls(page_end);
	rtc_calls(page_end);
	fs_calls(page_end);
	blkpg_calls(page_end);
	nbd_nsfs_calls(page_end);
	scsi_calls(page_end);
	evdev_calls(page_end);
	return 0;
}
