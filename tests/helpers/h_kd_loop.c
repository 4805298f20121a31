/* The console (<linux/kd.h>) and loop device (<linux/loop.h>) requests, raw:
 * `h_kd_loop WORKDIR`. Every call goes to descriptor -1 or to /dev/null, which
 * refuses them (EBADF, ENOTTY), so nothing on the machine changes; arguments
 * are NULL, unreadable, half-readable and readable, as strace's ioctl_kd and
 * ioctl_loop tests give them. Under `-e inject=ioctl:retval=N` the requests
 * "succeed" and what they would have got shows from the memory given. */
#include "helper.h"
#include <string.h>
#include <sys/ioctl.h>
#include <linux/kd.h>
#include <linux/keyboard.h>
#include <linux/loop.h>

/* A value in every bit pattern the tests look for. */
#define FILL 0xdeadbeefcafef00dULL

static char big[16384];

/* The requests that take a value, or nothing. */
static void kd_values(int fd)
{
	static const unsigned long sounds[] = {
		0, 1, 440, 1193182, 1193183, 0xbadc0ded00000a96ULL,
	};
	static const unsigned long tones[] = {
		0, 440, 0xffff, 0x10000, 0x10001, 0xdeadface,
	};
	static const unsigned long leds[] = { 0, 1, 7, 0xfe, 0x71, FILL };
	static const unsigned long modes[] = { 0, 1, 3, 4, 0xbadc0dedcacafefeULL };
	static const unsigned long kbmodes[] = { 0, 4, 5, 0xffffffff, FILL };
	static const unsigned long metas[] = { 0, 3, 4, 5, FILL };
	static const unsigned long ports[] = { 0x3b3, 0x3b4, 0x3c0, 0x3df, 0x3e0 };
	static const unsigned long sigs[] = { 0, 1, 10, 34, 35, 128, ~0UL };

	for (size_t k = 0; k < sizeof(sounds) / sizeof(sounds[0]); k++)
		ioctl(fd, KIOCSOUND, sounds[k]);
	for (size_t k = 0; k < sizeof(tones) / sizeof(tones[0]); k++)
		ioctl(fd, KDMKTONE, tones[k]);
	for (size_t k = 0; k < sizeof(leds) / sizeof(leds[0]); k++) {
		ioctl(fd, KDSETLED, leds[k]);
		ioctl(fd, KDSKBLED, leds[k]);
	}
	for (size_t k = 0; k < sizeof(modes) / sizeof(modes[0]); k++)
		ioctl(fd, KDSETMODE, modes[k]);
	for (size_t k = 0; k < sizeof(kbmodes) / sizeof(kbmodes[0]); k++)
		ioctl(fd, KDSKBMODE, kbmodes[k]);
	for (size_t k = 0; k < sizeof(metas) / sizeof(metas[0]); k++)
		ioctl(fd, KDSKBMETA, metas[k]);
	for (size_t k = 0; k < sizeof(ports) / sizeof(ports[0]); k++) {
		ioctl(fd, KDADDIO, ports[k]);
		ioctl(fd, KDDELIO, ports[k]);
	}
	for (size_t k = 0; k < sizeof(sigs) / sizeof(sigs[0]); k++)
		ioctl(fd, KDSIGACCEPT, sigs[k]);
	ioctl(fd, KDENABIO, FILL);
	ioctl(fd, KDDISABIO);
	ioctl(fd, KDMAPDISP);
	ioctl(fd, KDUNMAPDISP);
	ioctl(fd, PIO_FONTRESET);
}

/* The requests whose argument points to a value, a map, a font or a struct:
 * each with NULL, past the end of memory, half of it readable, and whole. */
static void kd_pointers(int fd, char *page_end)
{
	static const unsigned long reqs[] = {
		KDGETLED, KDGKBLED, KDGKBTYPE, KDGETMODE, KDGKBMODE, KDGKBMETA,
		GIO_SCRNMAP, PIO_SCRNMAP, GIO_UNISCRNMAP, PIO_UNISCRNMAP,
		GIO_FONT, PIO_FONT, GIO_CMAP, PIO_CMAP, KDGKBENT, KDSKBENT,
		KDGKBSENT, KDSKBSENT, KDGKBDIACR, KDSKBDIACR, KDGKBDIACRUC,
		KDSKBDIACRUC, KDGETKEYCODE, KDSETKEYCODE, KDKBDREP,
		PIO_UNIMAPCLR, GIO_UNIMAP, PIO_UNIMAP, GIO_FONTX, PIO_FONTX,
		KDFONTOP,
	};

	for (size_t k = 0; k < sizeof(big); k++)
		big[k] = (char) (0x20 + k % 0x70);
	/* A small count, so the tables and maps show a few entries. */
	*(unsigned int *) big = 3;
	for (size_t k = 0; k < sizeof(reqs) / sizeof(reqs[0]); k++) {
		ioctl(fd, reqs[k], NULL);
		ioctl(fd, reqs[k], page_end);
		ioctl(fd, reqs[k], page_end - 2);
		ioctl(fd, reqs[k], big);
	}
}

/* Keymap entries, key strings, accents, unicode maps and fonts by their
 * contents. */
static void kd_structs(int fd, char *page_end)
{
	static const unsigned short keysyms[] = {
		0, 0x20, 0x5c, 0x7f, 0x100, 0x1ff, 0x214, 0x27e, 0x313, 0x41a,
		0x540, 0x603, 0x708, 0x841, 0x8ff, 0x919, 0xa08, 0xb27, 0xc08,
		0xd0a, 0xe0a, 0xe0b, 0xf00, 0xf00d,
	};
	static const unsigned char tables[] = { 0, 1, 3, 4, 0xa8 };
	struct kbentry kbe;
	struct kbsentry *kbse = (struct kbsentry *) big;
	struct kbdiacrs *diacrs = (struct kbdiacrs *) big;
	struct kbkeycode key = { 0xfacefeed, 0x1d };
	struct kbd_repeat rep = { -1, 250 };
	struct unipair pairs[3] = { { 0x41, 1 }, { 0x42, 2 }, { 0x43, 3 } };
	struct unimapdesc umd = { 3, pairs };
	unsigned short map[E_TABSZ];
	struct consolefontdesc cfd = { 2, 16, big };
	struct console_font_op op = { KD_FONT_OP_GET, 1, 8, 16, 2, (unsigned char *) big };

	for (size_t k = 0; k < sizeof(keysyms) / sizeof(keysyms[0]); k++) {
		kbe.kb_table = tables[k % sizeof(tables)];
		kbe.kb_index = k * 7;
		kbe.kb_value = keysyms[k];
		ioctl(fd, KDSKBENT, &kbe);
		ioctl(fd, KDGKBENT, &kbe);
	}
	memcpy(page_end - 2, "\xa8\x05", 2);
	ioctl(fd, KDSKBENT, page_end - 2);

	memcpy(kbse->kb_string, "\033[6~", 5);
	kbse->kb_func = KVAL(K_PGDN);
	ioctl(fd, KDSKBSENT, kbse);
	ioctl(fd, KDGKBSENT, kbse);
	memset(kbse->kb_string, 'a', sizeof(kbse->kb_string));
	kbse->kb_func = 0xff;
	ioctl(fd, KDSKBSENT, kbse);
	memset(page_end - 33, 'b', 33);
	ioctl(fd, KDSKBSENT, page_end - 33);

	diacrs->kb_cnt = 4;
	memcpy(diacrs->kbdiacr, "a\n\\'`\x7f\"\xff~ ab", 12);
	ioctl(fd, KDSKBDIACR, diacrs);
	ioctl(fd, KDGKBDIACR, diacrs);
	diacrs->kb_cnt = 300;
	ioctl(fd, KDSKBDIACR, diacrs);
	ioctl(fd, KDSKBDIACRUC, diacrs);

	ioctl(fd, KDGETKEYCODE, &key);
	ioctl(fd, KDSETKEYCODE, &key);
	ioctl(fd, KDKBDREP, &rep);

	ioctl(fd, PIO_UNIMAP, &umd);
	ioctl(fd, GIO_UNIMAP, &umd);
	umd.entry_ct = 0;
	ioctl(fd, GIO_UNIMAP, &umd);
	umd.entries = NULL;
	ioctl(fd, PIO_UNIMAP, &umd);

	for (size_t k = 0; k < E_TABSZ; k++)
		map[k] = (unsigned short) (0xefe0 + 0x21 * k);
	ioctl(fd, PIO_UNISCRNMAP, map);
	ioctl(fd, GIO_UNISCRNMAP, map);

	ioctl(fd, GIO_FONTX, &cfd);
	ioctl(fd, PIO_FONTX, &cfd);
	ioctl(fd, KDFONTOP, &op);
	op.op = KD_FONT_OP_SET;
	ioctl(fd, KDFONTOP, &op);
	op.op = KD_FONT_OP_SET_DEFAULT;
	ioctl(fd, KDFONTOP, &op);
	memcpy(big, "default8x16", 12);
	ioctl(fd, KDFONTOP, &op);
	op.op = KD_FONT_OP_COPY;
	ioctl(fd, KDFONTOP, &op);
	op.op = 0xbeefface;
	op.flags = 0xdeadbeef;
	ioctl(fd, KDFONTOP, &op);
}

static void loop_calls(int fd, int other, char *page_end)
{
	static const unsigned long reqs[] = {
		LOOP_SET_STATUS, LOOP_GET_STATUS, LOOP_SET_STATUS64,
		LOOP_GET_STATUS64, LOOP_CONFIGURE,
	};
	struct loop_info info;
	struct loop_info64 info64;
	struct loop_config config;

	ioctl(fd, LOOP_SET_FD, other);
	ioctl(fd, LOOP_SET_FD, FILL);
	ioctl(fd, LOOP_CHANGE_FD, other);
	ioctl(fd, LOOP_CLR_FD, FILL);
	ioctl(fd, LOOP_SET_CAPACITY);
	ioctl(fd, LOOP_CTL_GET_FREE);
	ioctl(fd, LOOP_CTL_ADD, FILL);
	ioctl(fd, LOOP_CTL_REMOVE, 3);
	ioctl(fd, LOOP_SET_DIRECT_IO, FILL);
	ioctl(fd, LOOP_SET_BLOCK_SIZE, 4096);
	for (size_t k = 0; k < sizeof(reqs) / sizeof(reqs[0]); k++) {
		ioctl(fd, reqs[k], NULL);
		ioctl(fd, reqs[k], page_end - 8);
	}

	memset(&info, 0x41, sizeof(info));
	info.lo_number = -5;
	info.lo_encrypt_type = LO_CRYPT_NONE;
	info.lo_flags = LO_FLAGS_READ_ONLY | LO_FLAGS_AUTOCLEAR;
	strcpy(info.lo_name, "/tmp/image");
	ioctl(fd, LOOP_SET_STATUS, &info);
	ioctl(fd, LOOP_GET_STATUS, &info);
	info.lo_encrypt_type = LO_CRYPT_XOR;
	info.lo_encrypt_key_size = 4;
	info.lo_flags = 0xdeface00;
	ioctl(fd, LOOP_SET_STATUS, &info);

	memset(&info64, 0x42, sizeof(info64));
	info64.lo_encrypt_type = LO_CRYPT_NONE;
	info64.lo_flags = LO_FLAGS_PARTSCAN;
	strcpy((char *) info64.lo_file_name, "/tmp/image");
	ioctl(fd, LOOP_SET_STATUS64, &info64);
	ioctl(fd, LOOP_GET_STATUS64, &info64);
	info64.lo_encrypt_type = 0xafaeadac;
	info64.lo_encrypt_key_size = 40;
	ioctl(fd, LOOP_SET_STATUS64, &info64);

	memset(&config, 0, sizeof(config));
	config.fd = other;
	config.block_size = 512;
	config.info = info64;
	ioctl(fd, LOOP_CONFIGURE, &config);
	config.__reserved[7] = FILL;
	ioctl(fd, LOOP_CONFIGURE, &config);
}

int main(int argc, char **argv)
{
	char *page_end;
	int null;

	setup(argc, argv);
	page_end = page_end_unmapped();
	null = open("/dev/null", O_RDONLY);
	if (!page_end || null < 0)
		return 1;
	begin_marker();
	kd_values(-1);
	kd_values(null);
	kd_pointers(-1, page_end);
	kd_pointers(null, page_end);
	kd_structs(-1, page_end);
	kd_structs(null, page_end);
	loop_calls(-1, null, page_end);
	loop_calls(null, null, page_end);
	return 0;
}
