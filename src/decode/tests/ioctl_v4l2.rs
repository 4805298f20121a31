//! The V4L2 requests of <linux/videodev2.h> (`decode/ioctl_v4l2.rs`, and the `[ioctl_args]`
//! rows of the framebuffer, stream, standard and input requests).

use super::*;
use crate::output::ConstStyle::{Raw, Verbose};

const QUERYCAP: u64 = 0x8068_5600;
const ENUM_FMT: u64 = 0xc040_5602;
const G_FMT: u64 = 0xc0d0_5604;
const S_FMT: u64 = 0xc0d0_5605;
const REQBUFS: u64 = 0xc014_5608;
const DQBUF: u64 = 0xc058_5611;
const G_FBUF: u64 = 0x8030_560a;
const STREAMON: u64 = 0x4004_5612;
const S_PARM: u64 = 0xc0cc_5616;
const G_CTRL: u64 = 0xc008_561b;
const S_CTRL: u64 = 0xc008_561c;
const QUERYCTRL: u64 = 0xc044_5624;
const S_EXT_CTRLS: u64 = 0xc020_5648;
const G_EXT_CTRLS: u64 = 0xc020_5647;
const ENUM_FRAMEINTERVALS: u64 = 0xc034_564b;
const CREATE_BUFS: u64 = 0xc100_565c;
const A: u64 = 0x1000;
const B: u64 = 0x2000;

fn call(code: u64, m: &FakeMemory, outcome: Outcome) -> String {
    line(NR_IOCTL, [3, code, A, 0, 0, 0], m, outcome)
}

/// A struct of `len` bytes with `u32`s put at their offsets.
fn st(len: usize, u32s: &[(usize, u32)]) -> Vec<u8> {
    let mut b = vec![0u8; len];
    for &(off, v) in u32s {
        put(&mut b, off, v.to_ne_bytes());
    }
    b
}

fn mem(b: &[u8]) -> FakeMemory {
    FakeMemory::new().with(A, b)
}

const JPGL: u32 = u32::from_le_bytes(*b"JPGL");

#[test]
fn v4l2_querycap_is_the_kernels() {
    let mut b = st(104, &[(80, 0x0005_0a03), (84, 0x8000_0001), (88, 0x4)]);
    b[..4].copy_from_slice(b"uvc\0");
    assert_eq!(
        call(QUERYCAP, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, VIDIOC_QUERYCAP, {driver=\"uvc\", card=\"\", bus_info=\"\", version=KERNEL_VERSION(5, 10, 3), capabilities=V4L2_CAP_VIDEO_CAPTURE|V4L2_CAP_DEVICE_CAPS, device_caps=V4L2_CAP_VIDEO_OVERLAY}) = 0"
    );
    let args = [3, QUERYCAP, A, 0, 0, 0];
    assert_eq!(
        line_styled(Verbose, NR_IOCTL, args, &mem(&b[..]), Outcome::Ok(0)),
        "ioctl(3, 0x80685600 /* VIDIOC_QUERYCAP */, {driver=\"uvc\", card=\"\", bus_info=\"\", version=0x50a03 /* KERNEL_VERSION(5, 10, 3) */, capabilities=0x80000001 /* V4L2_CAP_VIDEO_CAPTURE|V4L2_CAP_DEVICE_CAPS */, device_caps=0x4 /* V4L2_CAP_VIDEO_OVERLAY */}) = 0"
    );
    // No device caps: left out. A failure: the address.
    let b = st(104, &[(80, 0x0005_0a03)]);
    assert_eq!(
        line_styled(Raw, NR_IOCTL, args, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, 0x80685600, {driver=\"\", card=\"\", bus_info=\"\", version=0x50a03, capabilities=0}) = 0"
    );
    assert_eq!(
        call(QUERYCAP, &mem(&b), Outcome::Err(EBADF)),
        "ioctl(3, VIDIOC_QUERYCAP, 0x1000)       = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn v4l2_enum_fmt_shows_the_index_given_and_the_format_got() {
    let mut b = st(64, &[(0, 2), (4, 1), (8, 1), (44, JPGL)]);
    b[12..16].copy_from_slice(b"JPG\0");
    assert_eq!(
        call(ENUM_FMT, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, VIDIOC_ENUM_FMT, {index=2, type=V4L2_BUF_TYPE_VIDEO_CAPTURE, flags=V4L2_FMT_FLAG_COMPRESSED, description=\"JPG\", pixelformat=v4l2_fourcc('J', 'P', 'G', 'L') /* V4L2_PIX_FMT_JPGL */}) = 0"
    );
    assert_eq!(
        call(ENUM_FMT, &mem(&b), Outcome::Err(EINVAL)),
        "ioctl(3, VIDIOC_ENUM_FMT, {index=2, type=V4L2_BUF_TYPE_VIDEO_CAPTURE}) = -1 EINVAL (Invalid argument)"
    );
    let args = [3, ENUM_FMT, A, 0, 0, 0];
    let raw = line_styled(Raw, NR_IOCTL, args, &mem(&b), Outcome::Ok(0));
    assert!(raw.ends_with("pixelformat=0x4c47504a}) = 0"), "{raw}");
    let verbose = line_styled(Verbose, NR_IOCTL, args, &mem(&b), Outcome::Ok(0));
    assert!(
        verbose
            .ends_with("pixelformat=v4l2_fourcc('J', 'P', 'G', 'L') /* V4L2_PIX_FMT_JPGL */}) = 0"),
        "{verbose}"
    );
    // NULL and unreadable pointers show once, as addresses.
    assert_eq!(
        line(
            NR_IOCTL,
            [3, ENUM_FMT, 0, 0, 0, 0],
            &FakeMemory::new(),
            Outcome::Ok(0)
        ),
        "ioctl(3, VIDIOC_ENUM_FMT, NULL)         = 0"
    );
    assert_eq!(
        call(ENUM_FMT, &FakeMemory::new(), Outcome::Ok(0)),
        "ioctl(3, VIDIOC_ENUM_FMT, 0x1000)       = 0"
    );
}

#[test]
fn v4l2_fourcc_escapes_its_characters() {
    // '\'', '\\', '"' and a control character, with no name.
    let code = u32::from_le_bytes([b'\'', b'\\', b'"', 0x0d]);
    let b = st(44, &[(4, code)]);
    assert_eq!(
        line(
            NR_IOCTL,
            [3, 0xc02c_564a, A, 0, 0, 0],
            &mem(&b),
            Outcome::Err(EINVAL)
        ),
        "ioctl(3, VIDIOC_ENUM_FRAMESIZES, {index=0, pixel_format=v4l2_fourcc('\\'', '\\\\', '\"', '\\x0d')}) = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn v4l2_formats_by_buffer_type() {
    // A setter: the format given, then the one the kernel settled on.
    let pix = |width| st(208, &[(0, 1), (8, width), (12, 480), (16, JPGL), (20, 1)]);
    let (before, after) = (mem(&pix(641)), mem(&pix(640)));
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, S_FMT, A, 0, 0, 0],
            &before,
            &after,
            Outcome::Ok(0)
        ),
        "ioctl(3, VIDIOC_S_FMT, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, fmt.pix={width=641, height=480, pixelformat=v4l2_fourcc('J', 'P', 'G', 'L') /* V4L2_PIX_FMT_JPGL */, field=V4L2_FIELD_NONE, bytesperline=0, sizeimage=0, colorspace=V4L2_COLORSPACE_DEFAULT}} => {fmt.pix={width=640, height=480, pixelformat=v4l2_fourcc('J', 'P', 'G', 'L') /* V4L2_PIX_FMT_JPGL */, field=V4L2_FIELD_NONE, bytesperline=0, sizeimage=0, colorspace=V4L2_COLORSPACE_DEFAULT}}) = 0"
    );
    // A getter shows the type alone when it fails; a type no member stands for, alone.
    assert_eq!(
        call(G_FMT, &before, Outcome::Err(EINVAL)),
        "ioctl(3, VIDIOC_G_FMT, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE}) = -1 EINVAL (Invalid argument)"
    );
    let b = st(208, &[(0, 0x99)]);
    assert_eq!(
        call(S_FMT, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, VIDIOC_S_FMT, {type=0x99 /* V4L2_BUF_TYPE_??? */}) = 0"
    );
    // An overlay's clips, read from their pointer; an unreadable one ends the line at entry.
    let clip_at = B + 0x1000 - 24;
    let mut b = st(208, &[(0, 3), (8 + 16, 4), (8 + 32, 2)]);
    put(&mut b, 8 + 24, clip_at.to_ne_bytes());
    b[8 + 48] = 0x7f;
    let clips = st(24, &[(0, u32::MAX), (8, 10), (12, 20)]);
    let m = mem(&b).with(clip_at, &clips);
    assert_eq!(
        call(S_FMT, &m, Outcome::Ok(0)),
        format!(
            "ioctl(3, VIDIOC_S_FMT, {{type=V4L2_BUF_TYPE_VIDEO_OVERLAY, fmt.win={{w={{left=0, top=0, width=0, height=0}}, field=V4L2_FIELD_INTERLACED, chromakey=0, clips=[{{c={{left=-1, top=0, width=10, height=20}}}}, ... /* {:#x} */], clipcount=2, bitmap=NULL, global_alpha=0x7f}}}}) = 0",
            B + 0x1000
        )
    );
    // Several planes, cut at -s 1 of them.
    let b = st(208, &[(0, 9), (8 + 20, 100), (8 + 40, 200)]);
    let mut b = b;
    b[8 + 180] = 2;
    let got = line_with(
        NR_IOCTL,
        [3, G_FMT, A, 0, 0, 0],
        &mem(&b),
        Outcome::Ok(0),
        1,
    );
    assert!(
        got.contains("plane_fmt=[{sizeimage=100, bytesperline=0}, ...], num_planes=2}"),
        "{got}"
    );
}

#[test]
fn v4l2_reqbufs_and_dqbuf() {
    let (before, after) = (
        mem(&st(20, &[(0, 4), (4, 1), (8, 1)])),
        mem(&st(20, &[(0, 2)])),
    );
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, REQBUFS, A, 0, 0, 0],
            &before,
            &after,
            Outcome::Ok(0)
        ),
        "ioctl(3, VIDIOC_REQBUFS, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, memory=V4L2_MEMORY_MMAP, count=4 => 2}) = 0"
    );
    let mut b = st(
        88,
        &[
            (0, 3),
            (4, 1),
            (8, 100),
            (12, 0x0001_2041),
            (60, 1),
            (64, 0x1000),
            (72, 4096),
        ],
    );
    put(&mut b, 24, 5i64.to_ne_bytes());
    put(&mut b, 32, 6i64.to_ne_bytes());
    assert_eq!(
        call(DQBUF, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, VIDIOC_DQBUF, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE, index=3, memory=V4L2_MEMORY_MMAP, m.offset=0x1000, length=4096, bytesused=100, flags=V4L2_BUF_FLAG_MAPPED|V4L2_BUF_FLAG_ERROR|V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC|V4L2_BUF_FLAG_TSTAMP_SRC_SOE, timestamp={tv_sec=5, tv_usec=6}, ...}) = 0"
    );
    let args = [3, DQBUF, A, 0, 0, 0];
    let raw = line_styled(Raw, NR_IOCTL, args, &mem(&b), Outcome::Ok(0));
    assert!(raw.contains("flags=0x12041, "), "{raw}");
    let verbose = line_styled(Verbose, NR_IOCTL, args, &mem(&b), Outcome::Ok(0));
    assert!(
        verbose.contains("flags=0x41 /* V4L2_BUF_FLAG_MAPPED|V4L2_BUF_FLAG_ERROR */|0x2000 /* V4L2_BUF_FLAG_TIMESTAMP_MONOTONIC */|0x10000 /* V4L2_BUF_FLAG_TSTAMP_SRC_SOE */, "),
        "{verbose}"
    );
    assert_eq!(
        call(DQBUF, &mem(&b), Outcome::Err(EBADF)),
        "ioctl(3, VIDIOC_DQBUF, {type=V4L2_BUF_TYPE_VIDEO_CAPTURE}) = -1 EBADF (Bad file descriptor)"
    );
}

#[test]
fn v4l2_control_ids_by_name_or_class() {
    let ctrl = |id: u32| {
        call(
            G_CTRL,
            &mem(&st(8, &[(0, id), (4, u32::MAX)])),
            Outcome::Ok(0),
        )
    };
    assert_eq!(
        ctrl(0x0098_0900),
        "ioctl(3, VIDIOC_G_CTRL, {id=V4L2_CID_BRIGHTNESS, value=-1}) = 0"
    );
    assert_eq!(
        ctrl(0x00a3_1234),
        "ioctl(3, VIDIOC_G_CTRL, {id=V4L2_CTRL_CLASS_DETECT+0x1234, value=-1}) = 0"
    );
    assert_eq!(
        ctrl(0x0097_0000),
        "ioctl(3, VIDIOC_G_CTRL, {id=0x970000 /* V4L2_CID_??? */, value=-1}) = 0"
    );
    let (before, after) = (
        mem(&st(8, &[(0, 0x0098_0000), (4, 7)])),
        mem(&st(8, &[(0, 0x0098_0000), (4, 5)])),
    );
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, S_CTRL, A, 0, 0, 0],
            &before,
            &after,
            Outcome::Ok(0)
        ),
        "ioctl(3, VIDIOC_S_CTRL, {id=V4L2_CTRL_CLASS_USER+0, value=7 => 5}) = 0"
    );
    let args = [3, G_CTRL, A, 0, 0, 0];
    let m = mem(&st(8, &[(0, 0x0098_0000)]));
    assert!(
        line_styled(Verbose, NR_IOCTL, args, &m, Outcome::Err(EBADF))
            .contains("{id=0x980000 /* V4L2_CTRL_CLASS_USER+0 */}")
    );
    assert!(line_styled(Raw, NR_IOCTL, args, &m, Outcome::Err(EBADF)).contains("{id=0x980000}"));
}

#[test]
fn v4l2_queryctrl_abbreviates_the_control() {
    let mut b = st(
        68,
        &[
            (0, 0x8098_0900),
            (4, 1),
            (40, u32::MAX),
            (44, 10),
            (48, 1),
            (56, 0x10),
            (64, 1),
        ],
    );
    b[8..12].copy_from_slice(b"Hue\0");
    let asked = mem(&b);
    put(&mut b, 0, 0x0098_0901u32.to_ne_bytes());
    let got = mem(&b);
    let args = [3, QUERYCTRL, A, 0, 0, 0];
    assert_eq!(
        line_changed(NR_IOCTL, args, &asked, &got, Outcome::Ok(0)),
        "ioctl(3, VIDIOC_QUERYCTRL, {id=V4L2_CTRL_FLAG_NEXT_CTRL|V4L2_CID_BRIGHTNESS => V4L2_CID_CONTRAST, type=V4L2_CTRL_TYPE_INTEGER, name=\"Hue\", ...}) = 0"
    );
    assert_eq!(
        line_verbose(NR_IOCTL, args, &got, Outcome::Ok(0)),
        "ioctl(3, VIDIOC_QUERYCTRL, {id=V4L2_CID_CONTRAST, type=V4L2_CTRL_TYPE_INTEGER, name=\"Hue\", minimum=-1, maximum=10, step=1, default_value=0, flags=V4L2_CTRL_FLAG_INACTIVE, reserved=[0, 0x1]}) = 0"
    );
    assert_eq!(
        line_styled(Verbose, NR_IOCTL, args, &asked, Outcome::Err(EINVAL)),
        "ioctl(3, 0xc0445624 /* VIDIOC_QUERYCTRL */, {id=0x80000000 /* V4L2_CTRL_FLAG_NEXT_CTRL */|0x980900 /* V4L2_CID_BRIGHTNESS */}) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_styled(Raw, NR_IOCTL, args, &asked, Outcome::Err(EINVAL)),
        "ioctl(3, 0xc0445624, {id=0x80980900})   = -1 EINVAL (Invalid argument)"
    );
}

#[test]
fn v4l2_ext_controls_show_what_the_kernel_left_even_on_failure() {
    let mut b = st(32, &[(0, 0x0099_0000), (4, 2), (8, 1)]);
    put(&mut b, 24, B.to_ne_bytes());
    let mut ctrls = st(40, &[(0, 0x0098_0900), (12, 7), (20, 0x0098_0901), (24, 2)]);
    put(&mut ctrls, 32, (B + 0x1000).to_ne_bytes());
    let m = mem(&b).with(B, &ctrls).with(B + 0x1000, b"hi");
    assert_eq!(
        call(S_EXT_CTRLS, &m, Outcome::Err(EINVAL)),
        "ioctl(3, VIDIOC_S_EXT_CTRLS, {ctrl_class=V4L2_CTRL_CLASS_CODEC, count=2, controls=[{id=V4L2_CID_BRIGHTNESS, size=0, value=7, value64=7}, {id=V4L2_CID_CONTRAST, size=2, string=\"hi\"}]} => {controls=[{id=V4L2_CID_BRIGHTNESS, size=0, value=7, value64=7}, {id=V4L2_CID_CONTRAST, size=2, string=\"hi\"}], error_idx=1}) = -1 EINVAL (Invalid argument)"
    );
    // A getter's controls show at exit; unreadable ones as their address.
    let m = mem(&b);
    assert_eq!(
        call(G_EXT_CTRLS, &m, Outcome::Ok(0)),
        "ioctl(3, VIDIOC_G_EXT_CTRLS, {ctrl_class=V4L2_CTRL_CLASS_CODEC, count=2, controls=0x2000}) = 0"
    );
    // A setter's that cannot be read end the line at entry; no controls at all show alone.
    assert_eq!(
        call(S_EXT_CTRLS, &m, Outcome::Ok(0)),
        "ioctl(3, VIDIOC_S_EXT_CTRLS, {ctrl_class=V4L2_CTRL_CLASS_CODEC, count=2, controls=0x2000}) = 0"
    );
    let m = mem(&st(32, &[(0, 0x00ff_0000)]));
    assert_eq!(
        call(S_EXT_CTRLS, &m, Outcome::Ok(0)),
        "ioctl(3, VIDIOC_S_EXT_CTRLS, {ctrl_class=0xff0000 /* V4L2_CTRL_CLASS_??? */, count=0}) = 0"
    );
}

#[test]
fn v4l2_parm_intervals_and_create_bufs() {
    let b = st(204, &[(0, 2), (4, 0x1000), (12, 1), (16, 30), (24, 4)]);
    assert_eq!(
        call(S_PARM, &mem(&b), Outcome::Err(EINVAL)),
        "ioctl(3, VIDIOC_S_PARM, {type=V4L2_BUF_TYPE_VIDEO_OUTPUT, parm.output={capability=V4L2_CAP_TIMEPERFRAME, outputmode=0, timeperframe=1/30, extendedmode=0, writebuffers=4}}) = -1 EINVAL (Invalid argument)"
    );
    let b = st(
        52,
        &[
            (4, JPGL),
            (8, 640),
            (12, 480),
            (16, 2),
            (20, 1),
            (24, 60),
            (28, 1),
            (32, 5),
        ],
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, ENUM_FRAMEINTERVALS, A, 0, 0, 0],
            &mem(&b),
            Outcome::Ok(0)
        ),
        "ioctl(3, VIDIOC_ENUM_FRAMEINTERVALS, {index=0, pixel_format=v4l2_fourcc('J', 'P', 'G', 'L') /* V4L2_PIX_FMT_JPGL */, width=640, height=480, type=V4L2_FRMIVAL_TYPE_CONTINUOUS, stepwise={min=1/60, max=1/5, step=0/0}}) = 0"
    );
    let b = st(256, &[(0, 3), (4, 2), (8, 1), (16, 0x99)]);
    assert_eq!(
        call(CREATE_BUFS, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, VIDIOC_CREATE_BUFS, {count=2, memory=V4L2_MEMORY_MMAP, format={type=0x99 /* V4L2_BUF_TYPE_??? */}}) = 0 ({index=3, count=2})"
    );
    assert_eq!(
        call(CREATE_BUFS, &mem(&b), Outcome::Err(12)),
        "ioctl(3, VIDIOC_CREATE_BUFS, {count=2, memory=V4L2_MEMORY_MMAP, format={type=0x99 /* V4L2_BUF_TYPE_??? */}}) = -1 ENOMEM (Cannot allocate memory)"
    );
}

#[test]
fn v4l2_plain_layouts_and_verbose_none() {
    let mut b = st(48, &[(0, 0x41), (4, 2)]);
    put(&mut b, 8, B.to_ne_bytes());
    assert_eq!(
        call(G_FBUF, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, VIDIOC_G_FBUF, {capability=0x41, flags=0x2, base=0x2000}) = 0"
    );
    assert_eq!(
        call(STREAMON, &mem(&st(4, &[(0, 1)])), Outcome::Err(EBADF)),
        "ioctl(3, VIDIOC_STREAMON, [V4L2_BUF_TYPE_VIDEO_CAPTURE]) = -1 EBADF (Bad file descriptor)"
    );
    // -e verbose=none: the argument in hex.
    let o = opts(true, false, 32);
    assert_eq!(
        line_opts(
            NR_IOCTL,
            [3, ENUM_FMT, A, 0, 0, 0],
            &mem(&st(64, &[])),
            Outcome::Ok(0),
            o
        ),
        "ioctl(3, VIDIOC_ENUM_FMT, 0x1000)       = 0"
    );
    // The plain layouts too: hex, not an address (`0`, not `NULL`).
    let none = FakeMemory::new();
    assert_eq!(
        line_opts(NR_IOCTL, [3, G_FBUF, 0, 0, 0, 0], &none, Outcome::Ok(0), o),
        "ioctl(3, VIDIOC_G_FBUF, 0)              = 0"
    );
}
