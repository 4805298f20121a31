/* V4L2 requests (<linux/videodev2.h>) as strace decodes them, raw: `h_v4l2
 * WORKDIR`. Every call goes to descriptor -1 or to /dev/null (which refuses
 * them with ENOTTY), so nothing on the machine changes; each argument is NULL,
 * half-readable (the struct runs off its page) or readable, with members of
 * every union a buffer type chooses. Under `-e inject=ioctl:retval=42` the
 * calls succeed and the kernel's halves show too. */
#include "helper.h"
#include <string.h>
#include <sys/ioctl.h>
#include <linux/videodev2.h>

#define FOURCC(a, b, c, d) ((unsigned) (a) | (unsigned) (b) << 8 | \
			    (unsigned) (c) << 16 | (unsigned) (d) << 24)

/* The request three ways: NULL, running off the page, and `arg`. */
static void three(int fd, unsigned long req, void *arg, size_t size,
		  char *page_end)
{
	ioctl(fd, req, NULL);
	if (page_end)
		ioctl(fd, req, page_end - size + 1);
	ioctl(fd, req, arg);
}

static void formats(int fd, char *page_end)
{
	static const unsigned types[] = {
		0, V4L2_BUF_TYPE_VIDEO_CAPTURE, V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE,
		V4L2_BUF_TYPE_VIDEO_OVERLAY, V4L2_BUF_TYPE_VBI_CAPTURE,
		V4L2_BUF_TYPE_SLICED_VBI_OUTPUT, V4L2_BUF_TYPE_SDR_CAPTURE,
		V4L2_BUF_TYPE_META_OUTPUT, 0xbad,
	};
	static const unsigned long reqs[] = {
		VIDIOC_G_FMT, VIDIOC_S_FMT, VIDIOC_TRY_FMT,
	};
	struct v4l2_clip clips[2];
	struct v4l2_format f;

	memset(clips, 0, sizeof(clips));
	clips[0].c.left = -5;
	clips[1].c.width = 640;
	for (size_t t = 0; t < sizeof(types) / sizeof(types[0]); t++) {
		memset(&f, 0x5a, sizeof(f));
		f.type = types[t];
		switch (types[t]) {
		case V4L2_BUF_TYPE_VIDEO_CAPTURE:
			f.fmt.pix.pixelformat = V4L2_PIX_FMT_YUYV;
			f.fmt.pix.field = V4L2_FIELD_INTERLACED;
			f.fmt.pix.colorspace = V4L2_COLORSPACE_SRGB;
			break;
		case V4L2_BUF_TYPE_VIDEO_OUTPUT_MPLANE:
			f.fmt.pix_mp.pixelformat = FOURCC('\'', '\\', '"', 1);
			f.fmt.pix_mp.num_planes = 3;
			break;
		case V4L2_BUF_TYPE_VIDEO_OVERLAY:
			f.fmt.win.clips = clips;
			f.fmt.win.clipcount = 2;
			f.fmt.win.bitmap = NULL;
			f.fmt.win.global_alpha = 0;
			break;
		case V4L2_BUF_TYPE_VBI_CAPTURE:
			f.fmt.vbi.flags = V4L2_VBI_UNSYNC | 0x10;
			break;
		case V4L2_BUF_TYPE_SDR_CAPTURE:
			f.fmt.sdr.pixelformat = V4L2_SDR_FMT_CU8;
			break;
		case V4L2_BUF_TYPE_META_OUTPUT:
			f.fmt.meta.dataformat = V4L2_META_FMT_VSP1_HGO;
			break;
		}
		for (size_t r = 0; r < 3; r++)
			ioctl(fd, reqs[r], &f);
	}
	/* An overlay whose clips run off their page. */
	f.type = V4L2_BUF_TYPE_VIDEO_OVERLAY;
	f.fmt.win.clips = (struct v4l2_clip *) (page_end - sizeof(clips[0]));
	f.fmt.win.clipcount = 2;
	ioctl(fd, VIDIOC_S_FMT, &f);
	three(fd, VIDIOC_G_FMT, &f, sizeof(f), page_end);
}

static void buffers(int fd, char *page_end)
{
	struct v4l2_requestbuffers rb = {
		.count = 4, .type = V4L2_BUF_TYPE_VIDEO_CAPTURE,
		.memory = V4L2_MEMORY_USERPTR,
	};
	struct v4l2_buffer b;
	struct v4l2_create_buffers cb;
	static const unsigned long reqs[] = {
		VIDIOC_QUERYBUF, VIDIOC_QBUF, VIDIOC_DQBUF,
	};

	three(fd, VIDIOC_REQBUFS, &rb, sizeof(rb), page_end);
	memset(&b, 0, sizeof(b));
	b.index = 3;
	b.type = V4L2_BUF_TYPE_VIDEO_OUTPUT;
	b.flags = V4L2_BUF_FLAG_QUEUED | V4L2_BUF_FLAG_TIMESTAMP_COPY | 0x800000;
	b.timestamp.tv_sec = 12;
	b.timestamp.tv_usec = 345;
	for (size_t r = 0; r < 3; r++) {
		b.memory = V4L2_MEMORY_MMAP + r;
		b.m.userptr = 0x1234;
		three(fd, reqs[r], &b, sizeof(b), page_end);
	}
	memset(&cb, 0, sizeof(cb));
	cb.count = 2;
	cb.memory = V4L2_MEMORY_DMABUF;
	cb.format.type = V4L2_BUF_TYPE_SDR_OUTPUT;
	cb.format.fmt.sdr.pixelformat = V4L2_SDR_FMT_RU12LE;
	three(fd, VIDIOC_CREATE_BUFS, &cb, sizeof(cb), page_end);
}

static void controls(int fd, char *page_end)
{
	static const unsigned ids[] = {
		V4L2_CID_BRIGHTNESS, V4L2_CID_CAMERA_CLASS_BASE + 0x77,
		0x00a50000, 0x12345678, V4L2_CTRL_FLAG_NEXT_CTRL | V4L2_CID_HUE,
	};
	struct v4l2_control c = { .value = -7 };
	struct v4l2_queryctrl q;
	struct v4l2_query_ext_ctrl qe;
	struct v4l2_ext_control ec[3];
	struct v4l2_ext_controls ecs;
	static char vol[] = "vol\0x";

	for (size_t i = 0; i < sizeof(ids) / sizeof(ids[0]); i++) {
		c.id = ids[i];
		three(fd, VIDIOC_G_CTRL, &c, sizeof(c), page_end);
		ioctl(fd, VIDIOC_S_CTRL, &c);
		memset(&q, 0, sizeof(q));
		q.id = ids[i];
		q.type = V4L2_CTRL_TYPE_MENU;
		strcpy((char *) q.name, "Gain");
		q.flags = V4L2_CTRL_FLAG_SLIDER;
		q.reserved[1] = i;
		three(fd, VIDIOC_QUERYCTRL, &q, sizeof(q), page_end);
		memset(&qe, 0, sizeof(qe));
		qe.id = ids[i];
		qe.minimum = -1;
		qe.maximum = 1LL << 40;
		qe.nr_of_dims = i + 1;
		qe.dims[0] = 7;
		qe.reserved[31] = i;
		three(fd, VIDIOC_QUERY_EXT_CTRL, &qe, sizeof(qe), page_end);
	}
	memset(ec, 0, sizeof(ec));
	ec[0].id = V4L2_CID_CONTRAST;
	ec[0].value64 = -2;
	ec[1].id = V4L2_CID_AUDIO_VOLUME;
	ec[1].size = 5;
	ec[1].string = vol;
	ec[2].id = 0x99000;
	memset(&ecs, 0, sizeof(ecs));
	ecs.ctrl_class = V4L2_CTRL_CLASS_USER;
	ecs.count = 3;
	ecs.error_idx = 2;
	ecs.controls = ec;
	three(fd, VIDIOC_S_EXT_CTRLS, &ecs, sizeof(ecs), page_end);
	ioctl(fd, VIDIOC_TRY_EXT_CTRLS, &ecs);
	ioctl(fd, VIDIOC_G_EXT_CTRLS, &ecs);
	ecs.controls = (struct v4l2_ext_control *) (page_end - sizeof(ec[0]));
	ioctl(fd, VIDIOC_S_EXT_CTRLS, &ecs);
	ioctl(fd, VIDIOC_G_EXT_CTRLS, &ecs);
	ecs.count = 0;
	ioctl(fd, VIDIOC_G_EXT_CTRLS, &ecs);
}

static void the_rest(int fd, char *page_end)
{
	struct v4l2_capability cap;
	struct v4l2_fmtdesc fd_;
	struct v4l2_framebuffer fb;
	struct v4l2_streamparm sp;
	struct v4l2_standard std;
	struct v4l2_input in;
	struct v4l2_tuner tu;
	struct v4l2_cropcap cc;
	struct v4l2_crop cr;
	struct v4l2_frmsizeenum fs;
	struct v4l2_frmivalenum fi;
	v4l2_std_id id = V4L2_STD_PAL_B;
	int type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	unsigned input = 2;

	memset(&cap, 'a', sizeof(cap));
	cap.version = 0x50a03;
	cap.capabilities = V4L2_CAP_VIDEO_CAPTURE | V4L2_CAP_DEVICE_CAPS;
	cap.device_caps = 0;
	three(fd, VIDIOC_QUERYCAP, &cap, sizeof(cap), page_end);
	memset(&fd_, 0, sizeof(fd_));
	fd_.index = 1;
	fd_.type = V4L2_BUF_TYPE_VIDEO_CAPTURE;
	fd_.flags = V4L2_FMT_FLAG_COMPRESSED;
	strcpy((char *) fd_.description, "Motion-JPEG");
	fd_.pixelformat = V4L2_PIX_FMT_MJPEG;
	three(fd, VIDIOC_ENUM_FMT, &fd_, sizeof(fd_), page_end);
	memset(&fb, 0, sizeof(fb));
	fb.capability = V4L2_FBUF_CAP_EXTERNOVERLAY;
	fb.base = &fb;
	three(fd, VIDIOC_G_FBUF, &fb, sizeof(fb), page_end);
	ioctl(fd, VIDIOC_S_FBUF, &fb);
	three(fd, VIDIOC_STREAMON, &type, sizeof(type), page_end);
	type = 0x77;
	ioctl(fd, VIDIOC_STREAMOFF, &type);
	for (unsigned t = 1; t <= 3; t++) {
		memset(&sp, 0, sizeof(sp));
		sp.type = t;
		sp.parm.capture.capability = V4L2_CAP_TIMEPERFRAME;
		sp.parm.capture.timeperframe.numerator = 1;
		sp.parm.capture.timeperframe.denominator = 30;
		three(fd, VIDIOC_G_PARM, &sp, sizeof(sp), page_end);
		ioctl(fd, VIDIOC_S_PARM, &sp);
	}
	three(fd, VIDIOC_G_STD, &id, sizeof(id), page_end);
	ioctl(fd, VIDIOC_S_STD, &id);
	memset(&std, 0, sizeof(std));
	std.index = 4;
	strcpy((char *) std.name, "PAL-B");
	three(fd, VIDIOC_ENUMSTD, &std, sizeof(std), page_end);
	memset(&in, 0, sizeof(in));
	in.type = V4L2_INPUT_TYPE_CAMERA;
	strcpy((char *) in.name, "Camera 1");
	three(fd, VIDIOC_ENUMINPUT, &in, sizeof(in), page_end);
	three(fd, VIDIOC_G_INPUT, &input, sizeof(input), page_end);
	ioctl(fd, VIDIOC_S_INPUT, &input);
	memset(&tu, 0, sizeof(tu));
	tu.type = V4L2_TUNER_RADIO;
	tu.capability = V4L2_TUNER_CAP_STEREO | V4L2_TUNER_CAP_LOW;
	tu.rxsubchans = V4L2_TUNER_SUB_MONO;
	tu.signal = -3;
	three(fd, VIDIOC_G_TUNER, &tu, sizeof(tu), page_end);
	ioctl(fd, VIDIOC_S_TUNER, &tu);
	memset(&cc, 0, sizeof(cc));
	cc.type = V4L2_BUF_TYPE_VIDEO_OVERLAY;
	cc.bounds.left = -1;
	cc.pixelaspect.numerator = 54;
	cc.pixelaspect.denominator = 59;
	three(fd, VIDIOC_CROPCAP, &cc, sizeof(cc), page_end);
	memset(&cr, 0, sizeof(cr));
	cr.c.width = 320;
	three(fd, VIDIOC_G_CROP, &cr, sizeof(cr), page_end);
	ioctl(fd, VIDIOC_S_CROP, &cr);
	for (unsigned t = 0; t <= 4; t++) {
		memset(&fs, 0, sizeof(fs));
		fs.pixel_format = V4L2_PIX_FMT_H264;
		fs.type = t;
		fs.stepwise.max_width = 1920;
		three(fd, VIDIOC_ENUM_FRAMESIZES, &fs, sizeof(fs), page_end);
		memset(&fi, 0, sizeof(fi));
		fi.pixel_format = 0;
		fi.width = 640;
		fi.type = t;
		fi.stepwise.max.numerator = 1;
		three(fd, VIDIOC_ENUM_FRAMEINTERVALS, &fi, sizeof(fi), page_end);
	}
	/* A request of the family strace leaves in hex. */
	ioctl(fd, VIDIOC_LOG_STATUS, 0);
}

int main(int argc, char **argv)
{
	char *page_end;
	int null;

	setup(argc, argv);
	page_end = page_end_unmapped();
	null = open("/dev/null", O_RDWR);
	begin_marker();
	for (int k = 0; k < 2; k++) {
		int fd = k ? null : -1;

		formats(fd, page_end);
		buffers(fd, page_end);
		controls(fd, page_end);
		the_rest(fd, page_end);
	}
	return 0;
}
