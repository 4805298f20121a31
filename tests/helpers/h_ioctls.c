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
#include <linux/ptp_clock.h>
#include <linux/gpio.h>
#include <linux/input.h>
#include <sys/syscall.h>
#include <linux/btrfs.h>
#include <stdlib.h>
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

/* strace's ptp.c: unions chosen by flags, reserved words shown when not zero,
 * time stamps as many as the samples asked (shown when a call succeeds, an
 * injected one), and their dates. */
static void ptp_calls(char *page_end)
{
	struct ptp_extts_request extts = { .index = 3, .flags = 0x13, .rsv = { 0, 5 } };
	struct ptp_perout_request perout = {
		.start = { 2000000000, 7, 0 }, .period = { 1, 0, 9 },
		.index = 2, .flags = PTP_PEROUT_DUTY_CYCLE, .on = { 0, 5, 0 },
	};
	struct ptp_sys_offset sysoff = { .n_samples = 2, .rsv = { 0, 0, 1 } };
	struct ptp_sys_offset_extended ext = { .n_samples = 1 };
	struct ptp_sys_offset_precise precise = {
		.device = { 5, 6, 0 }, .sys_realtime = { 7, 1000000000, 1 },
	};
	struct ptp_pin_desc pin = { .name = "pin\"0", .index = 1, .func = 2, .chan = 3 };
	struct ptp_clock_caps caps = { 1, 2, 3, 4, 5, 6, 7, 8, { [11] = 0xff } };
	unsigned int i;

	for (i = 0; i < 2 * PTP_MAX_SAMPLES + 1; i++)
		sysoff.ts[i] = (struct ptp_clock_time) { 1700000000 + i, i, i & 1 };
	ext.ts[0][1] = (struct ptp_clock_time) { 1, 2, 3 };
	ioctl(-1, PTP_CLOCK_GETCAPS, &caps);
	ioctl(-1, PTP_CLOCK_GETCAPS2, NULL);
	ioctl(-1, PTP_EXTTS_REQUEST, &extts);
	ioctl(-1, PTP_EXTTS_REQUEST2, &extts);
	ioctl(-1, PTP_EXTTS_REQUEST2, page_end - 8);
	ioctl(-1, PTP_PEROUT_REQUEST, &perout);
	perout.flags = PTP_PEROUT_PHASE | 0x100;
	ioctl(-1, PTP_PEROUT_REQUEST2, &perout);
	ioctl(-1, PTP_ENABLE_PPS, 1);
	ioctl(-1, PTP_ENABLE_PPS2, FILL);
	ioctl(-1, PTP_SYS_OFFSET, &sysoff);
	sysoff.n_samples = 30;
	ioctl(-1, PTP_SYS_OFFSET2, &sysoff);
	ioctl(-1, PTP_SYS_OFFSET, page_end - 8);
	ioctl(-1, PTP_SYS_OFFSET_EXTENDED, &ext);
	ioctl(-1, PTP_SYS_OFFSET_EXTENDED2, NULL);
	ioctl(-1, PTP_SYS_OFFSET_PRECISE, &precise);
	ioctl(-1, PTP_SYS_OFFSET_PRECISE2, page_end - 8);
	ioctl(-1, PTP_PIN_GETFUNC, &pin);
	pin.rsv[4] = 0xdad;
	ioctl(-1, PTP_PIN_GETFUNC2, &pin);
	ioctl(-1, PTP_PIN_SETFUNC, &pin);
	ioctl(-1, PTP_PIN_SETFUNC2, &pin);
	memset(pin.name, 'a', sizeof(pin.name));
	ioctl(-1, PTP_PIN_GETFUNC, &pin);
}

/* gpio_ioctl.c's requests, v1 and v2: each NULL, unreadable and filled in,
 * with arrays longer than -s, v2 attributes of every id (and an unknown one,
 * and one with padding), non-zero padding and unknown flags. The injected
 * sets show what each prints at exit. */
static void gpio_calls(char *page_end)
{
	static const unsigned long reqs[] = {
		GPIO_GET_CHIPINFO_IOCTL, GPIO_GET_LINEINFO_UNWATCH_IOCTL,
		GPIO_V2_GET_LINEINFO_IOCTL, GPIO_V2_GET_LINEINFO_WATCH_IOCTL,
		GPIO_V2_GET_LINE_IOCTL, GPIO_V2_LINE_SET_CONFIG_IOCTL,
		GPIO_V2_LINE_GET_VALUES_IOCTL, GPIO_V2_LINE_SET_VALUES_IOCTL,
		GPIO_GET_LINEINFO_IOCTL, GPIO_GET_LINEINFO_WATCH_IOCTL,
		GPIO_GET_LINEHANDLE_IOCTL, GPIO_GET_LINEEVENT_IOCTL,
		GPIOHANDLE_GET_LINE_VALUES_IOCTL,
		GPIOHANDLE_SET_LINE_VALUES_IOCTL, GPIOHANDLE_SET_CONFIG_IOCTL,
	};
	static union {
		struct gpiochip_info chip;
		struct gpioline_info line;
		struct gpiohandle_request hr;
		struct gpioevent_request er;
		struct gpiohandle_data data;
		struct gpiohandle_config hc;
		struct gpio_v2_line_info li;
		struct gpio_v2_line_request lr;
		struct gpio_v2_line_values vals;
		unsigned char bytes[sizeof(struct gpio_v2_line_request)];
	} u;
	struct gpio_v2_line_config *lc = &u.lr.config;

	for (size_t k = 0; k < sizeof(reqs) / sizeof(reqs[0]); k++) {
		ioctl(-1, reqs[k], NULL);
		ioctl(-1, reqs[k], page_end - 8);
		/* Every byte a pattern: names without a NUL, counts past
		 * their arrays, padding not zero. */
		memset(u.bytes, 0xa5, sizeof(u.bytes));
		ioctl(-1, reqs[k], &u);
	}
	memset(u.bytes, 0, sizeof(u.bytes));
	strcpy(u.chip.name, "gpiochip0");
	strcpy(u.chip.label, "label");
	u.chip.lines = 40;
	ioctl(-1, GPIO_GET_CHIPINFO_IOCTL, &u);
	memset(u.bytes, 0, sizeof(u.bytes));
	u.line.line_offset = 3;
	u.line.flags = GPIOLINE_FLAG_IS_OUT | GPIOLINE_FLAG_BIAS_DISABLE | 0x100;
	strcpy(u.line.name, "line");
	ioctl(-1, GPIO_GET_LINEINFO_IOCTL, &u);
	memset(u.bytes, 0, sizeof(u.bytes));
	u.hr.lines = 40;
	for (unsigned int i = 0; i < GPIOHANDLES_MAX; i++) {
		u.hr.lineoffsets[i] = i * 3;
		u.hr.default_values[i] = i & 1;
	}
	u.hr.flags = GPIOHANDLE_REQUEST_OUTPUT | GPIOHANDLE_REQUEST_ACTIVE_LOW;
	strcpy(u.hr.consumer_label, "handle");
	u.hr.fd = 5;
	ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, &u);
	u.hr.lines = 2;
	ioctl(-1, GPIO_GET_LINEHANDLE_IOCTL, &u);
	memset(u.bytes, 0, sizeof(u.bytes));
	u.er.lineoffset = 4;
	u.er.handleflags = GPIOHANDLE_REQUEST_INPUT;
	u.er.eventflags = GPIOEVENT_REQUEST_BOTH_EDGES;
	strcpy(u.er.consumer_label, "event");
	u.er.fd = 6;
	ioctl(-1, GPIO_GET_LINEEVENT_IOCTL, &u);
	memset(u.bytes, 0, sizeof(u.bytes));
	u.data.values[1] = 1;
	ioctl(-1, GPIOHANDLE_SET_LINE_VALUES_IOCTL, &u);
	u.hc.flags = GPIOHANDLE_REQUEST_OPEN_DRAIN;
	ioctl(-1, GPIOHANDLE_SET_CONFIG_IOCTL, &u);
	memset(u.bytes, 0, sizeof(u.bytes));
	u.li.offset = 7;
	strcpy(u.li.name, "v2");
	u.li.flags = GPIO_V2_LINE_FLAG_USED | GPIO_V2_LINE_FLAG_EVENT_CLOCK_HTE;
	u.li.num_attrs = 5;
	u.li.attrs[0].id = GPIO_V2_LINE_ATTR_ID_FLAGS;
	u.li.attrs[0].flags = GPIO_V2_LINE_FLAG_INPUT;
	u.li.attrs[1].id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
	u.li.attrs[1].values = 0xff;
	u.li.attrs[2].id = GPIO_V2_LINE_ATTR_ID_DEBOUNCE;
	u.li.attrs[2].debounce_period_us = 100;
	u.li.attrs[3].id = 9;
	u.li.attrs[3].values = 0x1;
	u.li.attrs[4].id = GPIO_V2_LINE_ATTR_ID_FLAGS;
	u.li.attrs[4].padding = 2;
	ioctl(-1, GPIO_V2_GET_LINEINFO_IOCTL, &u);
	u.li.padding[1] = 1;
	ioctl(-1, GPIO_V2_GET_LINEINFO_WATCH_IOCTL, &u);
	memset(u.bytes, 0, sizeof(u.bytes));
	u.lr.num_lines = 2;
	u.lr.offsets[0] = 1;
	u.lr.offsets[1] = 8;
	strcpy(u.lr.consumer, "req");
	lc->flags = GPIO_V2_LINE_FLAG_OUTPUT;
	lc->num_attrs = 2;
	lc->attrs[0].attr.id = GPIO_V2_LINE_ATTR_ID_OUTPUT_VALUES;
	lc->attrs[0].attr.values = 3;
	lc->attrs[0].mask = 3;
	lc->attrs[1].attr.id = 12;
	lc->attrs[1].mask = 1;
	u.lr.event_buffer_size = 16;
	u.lr.fd = 8;
	ioctl(-1, GPIO_V2_GET_LINE_IOCTL, &u);
	lc->padding[0] = 1;
	ioctl(-1, GPIO_V2_LINE_SET_CONFIG_IOCTL, lc);
	memset(u.bytes, 0, sizeof(u.bytes));
	u.vals.bits = 0x5;
	u.vals.mask = 0xf;
	ioctl(-1, GPIO_V2_LINE_GET_VALUES_IOCTL, &u);
	ioctl(-1, GPIO_V2_LINE_SET_VALUES_IOCTL, &u);
}

/* btrfs (strace's btrfs.c): requests with no argument, plain values, and argument
 * structs, from the first bytes on; the 4 KiB ones on the heap. */
static void btrfs_calls(char *page_end)
{
	unsigned long long u = FILL;
	struct btrfs_ioctl_vol_args *vol = calloc(1, sizeof(*vol));
	struct btrfs_ioctl_vol_args_v2 *v2 = calloc(1, sizeof(*v2));
	struct btrfs_ioctl_balance_args *bal = calloc(1, sizeof(*bal));
	struct btrfs_qgroup_inherit *inherit = calloc(1, sizeof(*inherit) + 3 * 8);
	struct btrfs_ioctl_defrag_range_args defrag = {
		.start = 0, .len = -1ULL, .flags = 7, .extent_thresh = 65536,
		.compress_type = 2,
	};
	struct btrfs_ioctl_clone_range_args clone = { 4, 4096, 16384, 131072 };
	struct btrfs_ioctl_scrub_args *scrub = calloc(1, sizeof(*scrub));
	struct btrfs_ioctl_get_dev_stats *stats = calloc(1, sizeof(*stats));
	struct btrfs_ioctl_space_args *space =
		calloc(1, sizeof(*space) + 2 * sizeof(struct btrfs_ioctl_space_info));
	struct btrfs_ioctl_quota_ctl_args qctl = { .cmd = 4 };
	struct btrfs_ioctl_qgroup_assign_args assign = { 1, 257, 258 };
	struct btrfs_ioctl_qgroup_create_args create = { 1, 257 };
	struct btrfs_ioctl_quota_rescan_args rescan = { .flags = 0 };
	struct btrfs_ioctl_feature_flags features[2] = {
		{ 1, 3, 0x7ff }, { 0, 0x10, 1ULL << 40 },
	};
	struct btrfs_ioctl_send_args send = { 0 };
	unsigned long long sources[3] = { 256, 1000, -1ULL };
	int file = open("btrfs", O_RDWR | O_CREAT, 0600);

	ioctl(-1, BTRFS_IOC_TRANS_START);
	ioctl(-1, BTRFS_IOC_SYNC);
	ioctl(-1, BTRFS_IOC_DEFRAG, vol);
	ioctl(-1, BTRFS_IOC_BALANCE_CTL, 1);
	ioctl(-1, BTRFS_IOC_BALANCE_CTL, 3);
	ioctl(-1, BTRFS_IOC_WAIT_SYNC, &u);
	ioctl(-1, BTRFS_IOC_DEFAULT_SUBVOL, page_end - 4);
	ioctl(file, BTRFS_IOC_START_SYNC, &u);
	ioctl(-1, BTRFS_IOC_SUBVOL_SETFLAGS, &u);
	ioctl(-1, BTRFS_IOC_SUBVOL_GETFLAGS, NULL);
	ioctl(file, BTRFS_IOC_SUBVOL_GETFLAGS, &u);
	vol->fd = 2;
	strcpy(vol->name, "subvol-name");
	ioctl(-1, BTRFS_IOC_SNAP_CREATE, vol);
	ioctl(-1, BTRFS_IOC_RESIZE, NULL);
	memset(vol->name, 'f', sizeof(vol->name));
	ioctl(-1, BTRFS_IOC_SCAN_DEV, vol);
	ioctl(-1, BTRFS_IOC_ADD_DEV, page_end - 8);
	ioctl(-1, BTRFS_IOC_CLONE_RANGE, &clone);
	ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, &defrag);
	defrag.len--;
	defrag.compress_type = 9;
	ioctl(-1, BTRFS_IOC_DEFRAG_RANGE, &defrag);
	scrub->devid = 0x801;
	scrub->end = -1ULL;
	scrub->flags = 3;
	ioctl(-1, BTRFS_IOC_SCRUB, scrub);
	ioctl(-1, BTRFS_IOC_SCRUB_PROGRESS, scrub);
	ioctl(-1, BTRFS_IOC_SCRUB_CANCEL);
	stats->devid = 1;
	stats->nr_items = 5;
	stats->flags = 1;
	ioctl(-1, BTRFS_IOC_GET_DEV_STATS, stats);
	/* More items than the struct holds (`...`), values to show; one out of reach. */
	stats->nr_items = 7;
	stats->values[0] = 3;
	stats->values[4] = FILL;
	ioctl(-1, BTRFS_IOC_GET_DEV_STATS, stats);
	ioctl(-1, BTRFS_IOC_GET_DEV_STATS, page_end - 8);
	ioctl(-1, BTRFS_IOC_SCRUB, NULL);
	/* The count only (no slots), then two spaces; and NULL. */
	space->total_spaces = 2;
	ioctl(-1, BTRFS_IOC_SPACE_INFO, space);
	space->space_slots = 2;
	space->spaces[0].flags = 0x7;
	space->spaces[0].total_bytes = FILL;
	space->spaces[1].flags = 0x2000000000200ULL;
	space->spaces[1].used_bytes = 4096;
	ioctl(-1, BTRFS_IOC_SPACE_INFO, space);
	ioctl(-1, BTRFS_IOC_SPACE_INFO, NULL);
	ioctl(-1, BTRFS_IOC_QUOTA_CTL, &qctl);
	qctl.cmd = BTRFS_QUOTA_CTL_ENABLE;
	ioctl(-1, BTRFS_IOC_QUOTA_CTL, &qctl);
	ioctl(-1, BTRFS_IOC_QGROUP_ASSIGN, &assign);
	ioctl(-1, BTRFS_IOC_QGROUP_CREATE, &create);
	ioctl(-1, BTRFS_IOC_QUOTA_RESCAN, &rescan);
	ioctl(file, BTRFS_IOC_QUOTA_RESCAN_STATUS, &rescan);
	ioctl(-1, BTRFS_IOC_QUOTA_RESCAN_WAIT);
	ioctl(-1, BTRFS_IOC_QGROUP_LIMIT, NULL);
	bal->flags = 0x3f;
	bal->data.profiles = 7;
	bal->data.pend = -1ULL;
	bal->data.devid = 1;
	bal->meta.flags = 0x7ff;
	bal->sys.usage = -1ULL;
	ioctl(-1, BTRFS_IOC_BALANCE_V2, bal);
	bal->flags = BTRFS_BALANCE_METADATA;
	ioctl(-1, BTRFS_IOC_BALANCE_V2, bal);
	ioctl(file, BTRFS_IOC_BALANCE_PROGRESS, bal);
	ioctl(-1, BTRFS_IOC_BALANCE_V2, NULL);
	ioctl(-1, BTRFS_IOC_BALANCE, vol);
	ioctl(file, BTRFS_IOC_GET_FEATURES, features);
	ioctl(-1, BTRFS_IOC_SET_FEATURES, features);
	ioctl(-1, BTRFS_IOC_SET_FEATURES, page_end - 24);
	v2->fd = 2;
	v2->flags = 0xb;
	strcpy(v2->name, "subvol-name");
	ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, v2);
	v2->flags = BTRFS_SUBVOL_QGROUP_INHERIT;
	v2->size = sizeof(*inherit) + 3 * 8;
	v2->qgroup_inherit = inherit;
	inherit->flags = 3;
	inherit->num_qgroups = 3;
	inherit->lim.flags = 0x7f;
	inherit->lim.max_rfer = FILL;
	inherit->qgroups[0] = 1;
	inherit->qgroups[1] = 256;
	inherit->qgroups[2] = FILL;
	ioctl(-1, BTRFS_IOC_SUBVOL_CREATE_V2, v2);
	v2->qgroup_inherit = (void *) (page_end - 8);
	ioctl(-1, BTRFS_IOC_SNAP_CREATE_V2, v2);
	ioctl(-1, BTRFS_IOC_SUBVOL_CREATE_V2, NULL);
	send.send_fd = 4;
	send.parent_root = 257;
	send.flags = 0x3f;
	ioctl(-1, BTRFS_IOC_SEND, &send);
	send.clone_sources_count = 3;
	send.clone_sources = sources;
	send.parent_root = 5;
	ioctl(-1, BTRFS_IOC_SEND, &send);
	ioctl(-1, FS_IOC_SETFSLABEL, "btrfs-label");
	ioctl(file, FS_IOC_GETFSLABEL, vol->name);
	close(file);
	free(vol);
	free(v2);
	free(bal);
	free(inherit);
	free(scrub);
	free(stats);
	free(space);
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
	ptp_calls(page_end);
	gpio_calls(page_end);
	btrfs_calls(page_end);
	evdev_calls(page_end);
	return 0;
}
