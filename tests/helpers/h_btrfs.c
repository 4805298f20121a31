/* btrfs ioctl requests whose arguments change between entry and exit or hang
 * on a member (strace's btrfs.c and fs_0x94_ioctl.c): `h_btrfs WORKDIR`.
 * Every call goes to /dev/null, which refuses them (ENOTTY), so nothing on
 * the machine changes; under an injected success the exit shows what the
 * helper put in memory as if the kernel had written it. Arguments are NULL,
 * unreadable, half-readable and readable. */
#include "helper.h"
#include <string.h>
#include <sys/ioctl.h>
#include <linux/fs.h>
#include <linux/btrfs.h>

static const unsigned char uuid[16] = {
	0x01, 0x23, 0x45, 0x67, 0x89, 0xab, 0xcd, 0xef,
	0xfe, 0xdc, 0xba, 0x98, 0x76, 0x54, 0x32, 0x10,
};

static void info_calls(int fd, char *page_end)
{
	struct btrfs_ioctl_fs_info_args *fs = calloc(1, sizeof(*fs));
	struct btrfs_ioctl_dev_info_args *dev = calloc(1, sizeof(*dev));
	struct btrfs_ioctl_feature_flags features[3] = {
		{ 0, 3, 0x7ff }, { 1, 0, 0 }, { 0, 0x10, 1ULL << 40 },
	};

	ioctl(fd, BTRFS_IOC_FS_INFO, NULL);
	ioctl(fd, BTRFS_IOC_FS_INFO, page_end - 8);
	fs->max_id = 1;
	fs->num_devices = 2;
	memcpy(fs->fsid, uuid, 16);
	fs->nodesize = 16384;
	fs->sectorsize = 4096;
	fs->clone_alignment = 4096;
	fs->csum_type = 1;
	fs->csum_size = 8;
	fs->generation = 77;
	memcpy(fs->metadata_uuid, uuid, 16);
	ioctl(fd, BTRFS_IOC_FS_INFO, fs);
	fs->flags = 7;
	ioctl(fd, BTRFS_IOC_FS_INFO, fs);
	fs->flags = 9;
	fs->csum_type = 7;
	ioctl(fd, BTRFS_IOC_FS_INFO, fs);

	ioctl(fd, BTRFS_IOC_GET_SUPPORTED_FEATURES, features);
	ioctl(fd, BTRFS_IOC_GET_SUPPORTED_FEATURES, page_end - 24);

	ioctl(fd, BTRFS_IOC_DEV_INFO, NULL);
	dev->devid = 0x801;
	ioctl(fd, BTRFS_IOC_DEV_INFO, dev);
	memcpy(dev->uuid, uuid, 16);
	dev->bytes_used = 4096;
	dev->total_bytes = 1ULL << 30;
	strcpy((char *) dev->path, "/dev/sda1");
	ioctl(fd, BTRFS_IOC_DEV_INFO, dev);
	ioctl(fd, BTRFS_IOC_DEV_INFO, page_end - 64);
}

/* A search key and, after it, `n` item headers of `len` bytes of item each. */
static void fill_items(char *buf, int n, unsigned len)
{
	size_t off = 0;

	for (int k = 0; k < n; k++) {
		struct btrfs_ioctl_search_header h = {
			.transid = 10 + k, .objectid = 256 + k, .offset = k,
			.type = k ? 12 : 1, .len = len,
		};
		memcpy(buf + off, &h, sizeof(h));
		off += sizeof(h) + len;
	}
}

static void search_calls(int fd, char *page_end)
{
	struct btrfs_ioctl_search_args *args = calloc(1, sizeof(*args));
	struct btrfs_ioctl_search_args_v2 *v2 = calloc(1, sizeof(*v2) + 256);
	struct btrfs_ioctl_search_key key = {
		.tree_id = 5, .min_objectid = 256, .max_objectid = -256ULL,
		.max_offset = -1ULL, .max_transid = -1ULL, .max_type = -1U,
		.nr_items = 3,
	};

	ioctl(fd, BTRFS_IOC_TREE_SEARCH, NULL);
	ioctl(fd, BTRFS_IOC_TREE_SEARCH_V2, NULL);
	ioctl(fd, BTRFS_IOC_TREE_SEARCH, page_end - 64);
	args->key = key;
	fill_items(args->buf, 3, 8);
	ioctl(fd, BTRFS_IOC_TREE_SEARCH, args);
	args->key.min_objectid = 6;
	args->key.max_objectid = -1ULL;
	args->key.min_type = 84;
	args->key.max_type = 7;
	args->key.nr_items = 40;
	fill_items(args->buf, 40, 0);
	ioctl(fd, BTRFS_IOC_TREE_SEARCH, args);
	v2->key = key;
	v2->buf_size = 100;
	fill_items((char *) v2->buf, 3, 8);
	ioctl(fd, BTRFS_IOC_TREE_SEARCH_V2, v2);
	v2->key.nr_items = 1;
	v2->buf_size = 16;
	ioctl(fd, BTRFS_IOC_TREE_SEARCH_V2, v2);
	/* Items running past the readable memory. */
	v2 = (void *) (page_end - sizeof(*v2) - 48);
	v2->key = key;
	v2->buf_size = 4096;
	fill_items((char *) v2->buf, 1, 0);
	ioctl(fd, BTRFS_IOC_TREE_SEARCH_V2, v2);
}

static void lookup_calls(int fd, char *page_end)
{
	struct btrfs_ioctl_ino_lookup_args *look = calloc(1, sizeof(*look));
	struct btrfs_ioctl_ino_path_args paths = { .inum = 256, .size = 4096 };
	struct btrfs_ioctl_logical_ino_args logical = {
		.logical = 1 << 20, .size = 4096, .reserved = { 0, 5, 0 },
		.flags = 3,
	};
	unsigned long long *container = calloc(1, 4096);
	unsigned int *counts = (void *) container;

	ioctl(fd, BTRFS_IOC_INO_LOOKUP, NULL);
	look->objectid = 256;
	strcpy(look->name, "dir/file");
	ioctl(fd, BTRFS_IOC_INO_LOOKUP, look);
	look->treeid = 5;
	look->objectid = 1000;
	ioctl(fd, BTRFS_IOC_INO_LOOKUP, look);
	ioctl(fd, BTRFS_IOC_INO_LOOKUP, page_end - 16);

	ioctl(fd, BTRFS_IOC_INO_PATHS, NULL);
	ioctl(fd, BTRFS_IOC_INO_PATHS, &paths);
	counts[0] = 100;
	counts[2] = 2;
	container[2] = 16;
	container[3] = 24;
	strcpy((char *) &container[4], "a/b");
	strcpy((char *) &container[5], "c");
	paths.fspath = (unsigned long) container;
	ioctl(fd, BTRFS_IOC_INO_PATHS, &paths);
	paths.fspath = (unsigned long) (page_end - 8);
	ioctl(fd, BTRFS_IOC_INO_PATHS, &paths);

	ioctl(fd, BTRFS_IOC_LOGICAL_INO, &logical);
	counts[2] = 7;
	counts[3] = 1;
	for (int k = 0; k < 6; k++)
		container[2 + k] = 256 + k;
	logical.inodes = (unsigned long) container;
	logical.reserved[1] = 0;
	logical.flags = 1;
	ioctl(fd, BTRFS_IOC_LOGICAL_INO, &logical);
	ioctl(fd, BTRFS_IOC_LOGICAL_INO, page_end - 40);
}

static void subvol_replace_calls(int fd, char *page_end)
{
	struct btrfs_ioctl_received_subvol_args recv = {
		.stransid = 74565, .rtransid = 12,
		.stime = { .sec = 1463193386, .nsec = 12345 },
		.rtime = { .sec = 1700000000, .nsec = 0 },
		.flags = 2,
	};
	struct btrfs_ioctl_dev_replace_args *rep = calloc(1, sizeof(*rep));

	memcpy(recv.uuid, uuid, 16);
	ioctl(fd, BTRFS_IOC_SET_RECEIVED_SUBVOL, NULL);
	ioctl(fd, BTRFS_IOC_SET_RECEIVED_SUBVOL, &recv);
	recv.stime.sec = 0;
	recv.stime.nsec = 0;
	recv.rtime.nsec = 2000000000;
	ioctl(fd, BTRFS_IOC_SET_RECEIVED_SUBVOL, &recv);
	ioctl(fd, BTRFS_IOC_SET_RECEIVED_SUBVOL, page_end - 100);

	ioctl(fd, BTRFS_IOC_DEV_REPLACE, NULL);
	rep->start.srcdevid = 1;
	rep->start.cont_reading_from_srcdev_mode = 1;
	strcpy((char *) rep->start.srcdev_name, "/dev/sda1");
	strcpy((char *) rep->start.tgtdev_name, "/dev/sdb1");
	ioctl(fd, BTRFS_IOC_DEV_REPLACE, rep);
	rep->cmd = BTRFS_IOCTL_DEV_REPLACE_CMD_STATUS;
	rep->result = 1;
	rep->status.replace_state = 1;
	rep->status.progress_1000 = 505;
	rep->status.time_started = 1700000000;
	rep->status.time_stopped = 0;
	rep->status.num_write_errors = 3;
	ioctl(fd, BTRFS_IOC_DEV_REPLACE, rep);
	rep->status.replace_state = 9;
	rep->status.progress_1000 = 1001;
	rep->result = 9;
	ioctl(fd, BTRFS_IOC_DEV_REPLACE, rep);
	rep->cmd = 7;
	ioctl(fd, BTRFS_IOC_DEV_REPLACE, rep);
	ioctl(fd, BTRFS_IOC_DEV_REPLACE, page_end - 8);
}

static void dedupe_calls(int fd, char *page_end)
{
	struct file_dedupe_range *range =
		calloc(1, sizeof(*range) + 4 * sizeof(range->info[0]));
	struct file_dedupe_range *tail = (void *) (page_end - sizeof(*range)
						   - sizeof(range->info[0]));

	ioctl(fd, FIDEDUPERANGE, NULL);
	range->src_offset = 1024;
	range->src_length = 10240;
	ioctl(fd, FIDEDUPERANGE, range);
	for (int k = 0; k < 4; k++) {
		range->info[k].dest_fd = k ? 2 : 0x100000001LL;
		range->info[k].dest_offset = 10240 * k;
		range->info[k].bytes_deduped = 100 * k;
		range->info[k].status = k - 1;
	}
	range->dest_count = 1;
	ioctl(fd, FIDEDUPERANGE, range);
	range->dest_count = 4;
	ioctl(fd, FIDEDUPERANGE, range);
	/* The second element is out of reach. */
	*tail = *range;
	tail->dest_count = 2;
	tail->info[0] = range->info[1];
	ioctl(fd, FIDEDUPERANGE, tail);
	ioctl(fd, FIDEDUPERANGE, page_end - 8);
}

int main(int argc, char **argv)
{
	char *page_end;
	int fd;

	setup(argc, argv);
	page_end = page_end_unmapped();
	fd = open("/dev/null", O_RDONLY);
	if (!page_end || fd < 0)
		return 1;
	begin_marker();
	info_calls(fd, page_end);
	search_calls(fd, page_end);
	lookup_calls(fd, page_end);
	subvol_replace_calls(fd, page_end);
	dedupe_calls(fd, page_end);
	return 0;
}
