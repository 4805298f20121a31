//! The socket ioctls' arguments (`decode/sock_ioctl.rs`): ints, bridge names, `struct
//! ifreq`s by request, as strace 6.1 shows them.

use super::*;
use crate::output::ConstStyle;

/// A `struct ifreq` named `name` with `union` (the 24 bytes after the name) at 0x2000.
fn ifreq(name: &[u8], union: &[u8]) -> FakeMemory {
    let mut b = vec![0u8; 40];
    b[..name.len()].copy_from_slice(name);
    b[16..16 + union.len()].copy_from_slice(union);
    FakeMemory::new().with(0x2000, &b)
}

fn ioctl(request: u64, mem: &FakeMemory, outcome: Outcome) -> String {
    line(NR_IOCTL, [3, request, 0x2000, 0, 0, 0], mem, outcome)
}

#[test]
fn ints_and_bridge_names() {
    let mem = FakeMemory::new().with(0x2000, &ints(&[42]));
    assert_eq!(
        ioctl(0x8903, &mem, Outcome::Ok(0)),
        "ioctl(3, FIOGETOWN, [42])               = 0"
    );
    assert_eq!(
        ioctl(0x8926, &mem, Outcome::Err(EBADF)),
        "ioctl(3, SIOCSIFENCAP, [42])            = -1 EBADF (Bad file descriptor)"
    );
    let name = FakeMemory::new().with(0x2000, b"0123456789abcdefgh");
    assert_eq!(
        ioctl(0x89a0, &name, Outcome::Ok(0)),
        r#"ioctl(3, SIOCBRADDBR, "0123456789abcdef"...) = 0"#
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x890b, 0, 0, 0, 0], &name, Outcome::Ok(0)),
        "ioctl(3, SIOCADDRT, NULL)               = 0"
    );
}

#[test]
fn interface_requests() {
    // A setter shows the name and its member; a name without a NUL is cut.
    let flags = ifreq(b"0123456789abcdef", &0x4009u16.to_ne_bytes());
    assert_eq!(
        ioctl(0x8914, &flags, Outcome::Ok(0)),
        r#"ioctl(3, SIOCSIFFLAGS, {ifr_name="0123456789abcde"..., ifr_flags=IFF_UP|IFF_LOOPBACK|IFF_AUTOMEDIA}) = 0"#
    );
    // A getter shows its member only when the call succeeded.
    let mtu = ifreq(b"lo", &ints(&[65536]));
    assert_eq!(
        ioctl(0x8921, &mtu, Outcome::Ok(0)),
        r#"ioctl(3, SIOCGIFMTU, {ifr_name="lo", ifr_mtu=65536}) = 0"#
    );
    assert_eq!(
        ioctl(0x8921, &mtu, Outcome::Err(19)),
        r#"ioctl(3, SIOCGIFMTU, {ifr_name="lo"})   = -1 ENODEV (No such device)"#
    );
    let by_index = ifreq(b"lo", &ints(&[1]));
    assert_eq!(
        ioctl(0x8910, &by_index, Outcome::Ok(0)),
        r#"ioctl(3, SIOCGIFNAME, {ifr_ifindex=1, ifr_name="lo"}) = 0"#
    );
    let map = ifreq(
        b"eth0",
        &[words(&[0x1000, 0x2000]), vec![0, 3, 5, 1, 2]].concat(),
    );
    assert_eq!(
        ioctl(0x8971, &map, Outcome::Ok(0)),
        r#"ioctl(3, SIOCSIFMAP, {ifr_name="eth0", ifr_map={mem_start=0x1000, mem_end=0x2000, base_addr=0x300, irq=0x5, dma=0x1, port=0x2}}) = 0"#
    );
    let addr = ifreq(b"eth0", &[2, 0, 0, 7, 127, 0, 0, 1]);
    assert_eq!(
        ioctl(0x8916, &addr, Outcome::Ok(0)),
        r#"ioctl(3, SIOCSIFADDR, {ifr_name="eth0", ifr_addr={sa_family=AF_INET, sin_port=htons(7), sin_addr=inet_addr("127.0.0.1")}}) = 0"#
    );
}

#[test]
fn hardware_addresses_by_device_type() {
    // ARPHRD_ETHER: six bytes mean something; under -X raw all fourteen show.
    let hw = ifreq(
        b"eth0",
        &[1, 0, 2, 0x11, 0x22, 0x33, 0x44, 0x55, 0x66, 0x77],
    );
    assert_eq!(
        ioctl(0x8924, &hw, Outcome::Ok(0)),
        r#"ioctl(3, SIOCSIFHWADDR, {ifr_name="eth0", ifr_hwaddr={sa_family=ARPHRD_ETHER, sa_data=02:11:22:33:44:55}}) = 0"#
    );
    assert_eq!(
        line_styled(
            ConstStyle::Raw,
            NR_IOCTL,
            [3, 0x8924, 0x2000, 0, 0, 0],
            &hw,
            Outcome::Ok(0)
        ),
        r#"ioctl(3, 0x8924, {ifr_name="eth0", ifr_hwaddr={sa_family=0x1, sa_data="\x02\x11\x22\x33\x44\x55\x66\x77\x00\x00\x00\x00\x00\x00"}}) = 0"#
    );
}

#[test]
fn interface_lists() {
    // struct ifconf at 0x2000 as the call got it and left it.
    let ifconf = |len: i32, buf: u64| [ints(&[len, 0]), words(&[buf])].concat();
    let mut lo = vec![0u8; 40];
    lo[..2].copy_from_slice(b"lo");
    lo[16..24].copy_from_slice(&[2, 0, 0, 0, 127, 0, 0, 1]);
    let call = |given: (i32, u64), got: (i32, u64), outcome| {
        let before = FakeMemory::new().with(0x2000, &ifconf(given.0, given.1));
        let after = FakeMemory::new()
            .with(0x2000, &ifconf(got.0, got.1))
            .with(0x3000, &lo);
        line_changed(
            NR_IOCTL,
            [3, 0x8912, 0x2000, 0, 0, 0],
            &before,
            &after,
            outcome,
        )
    };
    // Without a buffer: the length one needs.
    assert_eq!(
        call((0, 0), (80, 0), Outcome::Ok(0)),
        "ioctl(3, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=NULL}) = 0"
    );
    assert_eq!(
        call((82, 0x3000), (40, 0x3000), Outcome::Ok(0)),
        r#"ioctl(3, SIOCGIFCONF, {ifc_len=82 => 40 /* 1 * sizeof(struct ifreq) */, ifc_buf=[{ifr_name="lo", ifr_addr={sa_family=AF_INET, sin_port=htons(0), sin_addr=inet_addr("127.0.0.1")}}]}) = 0"#
    );
    assert_eq!(
        call((1, 0x3000), (0, 0x3000), Outcome::Ok(0)),
        "ioctl(3, SIOCGIFCONF, {ifc_len=1 => 0, ifc_buf=[]}) = 0"
    );
    assert_eq!(
        call((80, 8), (80, 8), Outcome::Err(EFAULT)),
        "ioctl(3, SIOCGIFCONF, {ifc_len=80 /* 2 * sizeof(struct ifreq) */, ifc_buf=0x8}) = -1 EFAULT (Bad address)"
    );
    // Unreadable at entry: the address.
    let none = FakeMemory::new();
    assert_eq!(
        line(
            NR_IOCTL,
            [3, 0x8912, 0x2000, 0, 0, 0],
            &none,
            Outcome::Ok(0)
        ),
        "ioctl(3, SIOCGIFCONF, 0x2000)           = 0"
    );
}
