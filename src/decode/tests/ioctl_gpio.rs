//! The GPIO requests of <linux/gpio.h> (`decode/ioctl_gpio.rs`, and the `[ioctl_args]` rows of
//! GPIO_GET_CHIPINFO_IOCTL and GPIO_V2_LINE_SET_VALUES_IOCTL).

use super::*;

const CHIPINFO: u64 = 0x8044_b401;
const LINEINFO: u64 = 0xc048_b402;
const LINEHANDLE: u64 = 0xc16c_b403;
const LINEEVENT: u64 = 0xc030_b404;
const V2_LINEINFO: u64 = 0xc100_b405;
const V2_LINE: u64 = 0xc250_b407;
const HANDLE_GET_VALUES: u64 = 0xc040_b408;
const HANDLE_SET_VALUES: u64 = 0xc040_b409;
const HANDLE_SET_CONFIG: u64 = 0xc054_b40a;
const LINEINFO_UNWATCH: u64 = 0xc004_b40c;
const V2_SET_CONFIG: u64 = 0xc110_b40d;
const V2_GET_VALUES: u64 = 0xc010_b40e;
const V2_SET_VALUES: u64 = 0xc010_b40f;
const A: u64 = 0x1000;

fn mem(bytes: &[u8]) -> FakeMemory {
    FakeMemory::new().with(A, bytes)
}

fn call(code: u64, m: &FakeMemory, outcome: Outcome) -> String {
    line(NR_IOCTL, [3, code, A, 0, 0, 0], m, outcome)
}

/// A NUL-padded char array of 32.
fn name32(s: &[u8]) -> [u8; 32] {
    let mut a = [0u8; 32];
    a[..s.len()].copy_from_slice(s);
    a
}

#[test]
fn gpio_chipinfo_and_line_info() {
    let mut b = vec![0u8; 68];
    b[..32].copy_from_slice(&name32(b"gpiochip0"));
    b[32..64].copy_from_slice(&[b'x'; 32]);
    put(&mut b, 64, 8u32.to_ne_bytes());
    assert_eq!(
        call(CHIPINFO, &mem(&b), Outcome::Ok(0)),
        format!(
            "ioctl(3, GPIO_GET_CHIPINFO_IOCTL, {{name=\"gpiochip0\", label=\"{}\"..., lines=8}}) = 0",
            "x".repeat(31)
        )
    );
    assert_eq!(
        call(CHIPINFO, &mem(&b), Outcome::Err(EBADF)),
        "ioctl(3, GPIO_GET_CHIPINFO_IOCTL, 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    // v1 line info: the offset given, then the flags and names the kernel wrote.
    let mut b = vec![0u8; 72];
    put(&mut b, 0, 2u32.to_ne_bytes());
    put(&mut b, 4, 0x103u32.to_ne_bytes());
    b[8..40].copy_from_slice(&name32(b"led"));
    b[40..72].copy_from_slice(&name32(b"me"));
    assert_eq!(
        call(LINEINFO, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, GPIO_GET_LINEINFO_IOCTL, {line_offset=2} => {flags=GPIOLINE_FLAG_KERNEL|GPIOLINE_FLAG_IS_OUT|0x100, name=\"led\", consumer=\"me\"}) = 0"
    );
    assert_eq!(
        call(LINEINFO, &mem(&b), Outcome::Err(EINVAL)),
        "ioctl(3, GPIO_GET_LINEINFO_IOCTL, {line_offset=2}) = -1 EINVAL (Invalid argument)"
    );
    // Unreadable at entry: the address, and nothing more at exit.
    assert_eq!(
        call(LINEINFO, &FakeMemory::new(), Outcome::Ok(0)),
        "ioctl(3, GPIO_GET_LINEINFO_IOCTL, 0x1000) = 0"
    );
    assert_eq!(
        call(LINEINFO_UNWATCH, &mem(&5u32.to_ne_bytes()), Outcome::Ok(0)),
        "ioctl(3, GPIO_GET_LINEINFO_UNWATCH_IOCTL, {offset=5}) = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, LINEINFO_UNWATCH, 0, 0, 0, 0],
            &FakeMemory::new(),
            Outcome::Ok(0)
        ),
        "ioctl(3, GPIO_GET_LINEINFO_UNWATCH_IOCTL, NULL) = 0"
    );
}

#[test]
fn gpio_v1_handle_and_event_requests() {
    let mut b = vec![0u8; 364];
    for i in 0..40u32 {
        put(&mut b, i as usize * 4, i.to_ne_bytes());
        b[260 + i as usize] = (i % 2) as u8;
    }
    put(&mut b, 256, 0x102u32.to_ne_bytes());
    b[324..356].copy_from_slice(&name32(b"label"));
    put(&mut b, 356, 3u32.to_ne_bytes());
    put(&mut b, 360, 7i32.to_ne_bytes());
    assert_eq!(
        call(LINEHANDLE, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, GPIO_GET_LINEHANDLE_IOCTL, {lines=3, lineoffsets=[0, 1, 2], flags=GPIOHANDLE_REQUEST_OUTPUT|0x100, default_values=[0, 1, 0], consumer_label=\"label\"} => {fd=7}) = 0"
    );
    // More lines than -s elements: the first -s of them, then `...` (all of them under -v,
    // never past GPIOHANDLES_MAX).
    put(&mut b, 356, 40u32.to_ne_bytes());
    let m = mem(&b);
    let args = [3, LINEHANDLE, A, 0, 0, 0];
    assert_eq!(
        line_with(NR_IOCTL, args, &m, Outcome::Err(EINVAL), 2),
        "ioctl(3, GPIO_GET_LINEHANDLE_IOCTL, {lines=40, lineoffsets=[0, 1, ...], flags=GPIOHANDLE_REQUEST_OUTPUT|0x100, default_values=[0, 1, ...], consumer_label=\"label\"}) = -1 EINVAL (Invalid argument)"
    );
    put(&mut b, 356, 3u32.to_ne_bytes());
    assert_eq!(
        line_opts(
            NR_IOCTL,
            args,
            &mem(&b),
            Outcome::Ok(0),
            opts(true, false, 32)
        ),
        "ioctl(3, GPIO_GET_LINEHANDLE_IOCTL, 0x1000) = 0"
    );
    let mut e = vec![0u8; 48];
    put(&mut e, 0, 4u32.to_ne_bytes());
    put(&mut e, 4, 1u32.to_ne_bytes());
    put(&mut e, 8, 7u32.to_ne_bytes());
    e[12..44].copy_from_slice(&name32(b"ev"));
    put(&mut e, 44, 9i32.to_ne_bytes());
    assert_eq!(
        call(LINEEVENT, &mem(&e), Outcome::Ok(0)),
        "ioctl(3, GPIO_GET_LINEEVENT_IOCTL, {lineoffset=4, handleflags=GPIOHANDLE_REQUEST_INPUT, eventflags=GPIOEVENT_REQUEST_BOTH_EDGES|0x4, consumer_label=\"ev\"} => {fd=9}) = 0"
    );
}

#[test]
fn gpio_v1_values_and_config() {
    let mut v = [0u8; 64];
    v[1] = 1;
    v[63] = 0xff;
    let m = mem(&v);
    let args = [3, HANDLE_GET_VALUES, A, 0, 0, 0];
    assert_eq!(
        line_with(NR_IOCTL, args, &m, Outcome::Ok(0), 3),
        "ioctl(3, GPIOHANDLE_GET_LINE_VALUES_IOCTL, {values=[0, 1, 0, ...]}) = 0"
    );
    let all = format!("[0, 1, {}255]", "0, ".repeat(61));
    assert_eq!(
        line_verbose(NR_IOCTL, args, &m, Outcome::Ok(0)),
        format!("ioctl(3, GPIOHANDLE_GET_LINE_VALUES_IOCTL, {{values={all}}}) = 0")
    );
    assert_eq!(
        call(HANDLE_GET_VALUES, &m, Outcome::Err(EINVAL)),
        "ioctl(3, GPIOHANDLE_GET_LINE_VALUES_IOCTL, 0x1000) = -1 EINVAL (Invalid argument)"
    );
    assert_eq!(
        line_with(
            NR_IOCTL,
            [3, HANDLE_SET_VALUES, A, 0, 0, 0],
            &m,
            Outcome::Err(EINVAL),
            2
        ),
        "ioctl(3, GPIOHANDLE_SET_LINE_VALUES_IOCTL, {values=[0, 1, ...]}) = -1 EINVAL (Invalid argument)"
    );
    let mut c = vec![0u8; 84];
    put(&mut c, 0, 0x100u32.to_ne_bytes());
    c[5] = 1;
    assert_eq!(
        line_with(
            NR_IOCTL,
            [3, HANDLE_SET_CONFIG, A, 0, 0, 0],
            &mem(&c),
            Outcome::Ok(0),
            2
        ),
        "ioctl(3, GPIOHANDLE_SET_CONFIG_IOCTL, {flags=0x100 /* GPIOHANDLE_REQUEST_??? */, default_values=[0, 1, ...]}) = 0"
    );
}

/// A `struct gpio_v2_line_attribute` at `off` of `b`.
fn attr(b: &mut [u8], off: usize, id: u32, padding: u32, v: u64) {
    put(b, off, id.to_ne_bytes());
    put(b, off + 4, padding.to_ne_bytes());
    put(b, off + 8, v.to_ne_bytes());
}

#[test]
fn gpio_v2_line_info_attributes() {
    let mut b = vec![0u8; 256];
    b[..32].copy_from_slice(&name32(b"n"));
    put(&mut b, 64, 6u32.to_ne_bytes());
    put(&mut b, 68, 5u32.to_ne_bytes());
    put(&mut b, 72, 0x2004u64.to_ne_bytes());
    attr(&mut b, 80, 1, 0, 0x8);
    attr(&mut b, 96, 2, 0, 0xff);
    attr(&mut b, 112, 3, 0, 10);
    // An unknown id, and a known one with padding, show raw.
    attr(&mut b, 128, 9, 0, 0x1);
    attr(&mut b, 144, 1, 2, 0x1);
    put(&mut b, 252, 1u32.to_ne_bytes());
    assert_eq!(
        call(V2_LINEINFO, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, GPIO_V2_GET_LINEINFO_IOCTL, {offset=6} => {name=\"n\", consumer=\"\", flags=GPIO_V2_LINE_FLAG_INPUT|0x2000, num_attrs=5, attrs=[{flags=GPIO_V2_LINE_FLAG_OUTPUT}, {values=0xff}, {debounce_period_us=10}, {id=9, data=0x1}, {id=1, padding=0x2, data=0x1}], padding=[0, 0, 0, 0x1]}) = 0"
    );
    // num_attrs past GPIO_V2_LINE_NUM_ATTRS_MAX: ten of them at most.
    put(&mut b, 68, 12u32.to_ne_bytes());
    put(&mut b, 252, 0u32.to_ne_bytes());
    let zeros = ", {id=0, data=0}".repeat(5);
    assert_eq!(
        call(V2_LINEINFO, &mem(&b), Outcome::Ok(0)),
        format!(
            "ioctl(3, GPIO_V2_GET_LINEINFO_IOCTL, {{offset=6}} => {{name=\"n\", consumer=\"\", flags=GPIO_V2_LINE_FLAG_INPUT|0x2000, num_attrs=12, attrs=[{{flags=GPIO_V2_LINE_FLAG_OUTPUT}}, {{values=0xff}}, {{debounce_period_us=10}}, {{id=9, data=0x1}}, {{id=1, padding=0x2, data=0x1}}{zeros}]}}) = 0"
        )
    );
}

#[test]
fn gpio_v2_line_request_and_config() {
    let mut b = vec![0u8; 592];
    put(&mut b, 0, 3u32.to_ne_bytes());
    put(&mut b, 4, 5u32.to_ne_bytes());
    b[256..288].copy_from_slice(&name32(b"c"));
    // The config at 288: flags, num_attrs, then attrs (24 bytes each) at 288 + 32.
    put(&mut b, 288, 4u64.to_ne_bytes());
    put(&mut b, 296, 2u32.to_ne_bytes());
    attr(&mut b, 320, 2, 0, 0x3);
    put(&mut b, 336, 0x3u64.to_ne_bytes());
    attr(&mut b, 344, 7, 0, 0x5);
    put(&mut b, 360, 0x1u64.to_ne_bytes());
    put(&mut b, 560, 2u32.to_ne_bytes());
    put(&mut b, 564, 16u32.to_ne_bytes());
    put(&mut b, 588, 11i32.to_ne_bytes());
    assert_eq!(
        call(V2_LINE, &mem(&b), Outcome::Ok(0)),
        "ioctl(3, GPIO_V2_GET_LINE_IOCTL, {num_lines=2, offsets=[3, 5], consumer=\"c\", config={flags=GPIO_V2_LINE_FLAG_INPUT, num_attrs=2, attrs=[{values=0x3, mask=0x3}, {attr={id=7, data=0x5}, mask=0x1}]}, event_buffer_size=16} => {fd=11}) = 0"
    );
    // The config alone, with padding that is not zero.
    let mut c = b[288..560].to_vec();
    put(&mut c, 8, 0u32.to_ne_bytes());
    put(&mut c, 12, 0x10u32.to_ne_bytes());
    assert_eq!(
        call(V2_SET_CONFIG, &mem(&c), Outcome::Ok(0)),
        "ioctl(3, GPIO_V2_LINE_SET_CONFIG_IOCTL, {flags=GPIO_V2_LINE_FLAG_INPUT, num_attrs=0, padding=[0x10, 0, 0, 0, 0]}) = 0"
    );
}

#[test]
fn gpio_v2_values() {
    let m = mem(&words(&[0x5, 0xf]));
    assert_eq!(
        call(V2_GET_VALUES, &m, Outcome::Ok(0)),
        "ioctl(3, GPIO_V2_LINE_GET_VALUES_IOCTL, {mask=0xf} => {bits=0x5}) = 0"
    );
    assert_eq!(
        call(V2_SET_VALUES, &m, Outcome::Ok(0)),
        "ioctl(3, GPIO_V2_LINE_SET_VALUES_IOCTL, {bits=0x5, mask=0xf}) = 0"
    );
}
