/* ioctl requests whose arguments strace decodes, raw: `h_ioctls WORKDIR`.
 * Each family is a function of its own; every call goes to descriptor -1 (or
 * to a file the helper made, which refuses it with ENOTTY), so nothing on the
 * machine changes, with its argument NULL, unreadable, half-readable and
 * readable, as the upstream tests of the families do. */
#include "helper.h"
#include <string.h>
#include <linux/fs.h>
#include <linux/hdreg.h>
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

static void hdio_calls(char *page_end)
{
	struct hd_geometry geo;

	memset(&geo, 0xa5, sizeof(geo));
	ioctl(-1, HDIO_GETGEO, NULL);
	ioctl(-1, HDIO_GETGEO, page_end - 1);
	ioctl(-1, HDIO_GETGEO, &geo);
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
	btrfs_calls(page_end);
	return 0;
}
