//! `ioctl` requests and their arguments (`decode/ioctl.rs`).

use super::*;

#[test]
fn ioctl_termios_winsize_and_ints() {
    // struct termios as a pty starts (<asm-generic/termbits.h> values).
    let mut termios = words32(&[0o2400, 0o5, 0o277, 0o105073]);
    termios.resize(36, 0);
    let mem = FakeMemory::new()
        .with(0x1000, &termios)
        .with(0x2000, &[24, 0, 80, 0, 0, 0, 0, 0])
        .with(0x3000, &7i32.to_ne_bytes());
    assert_eq!(
        line(NR_IOCTL, [1, 0x5401, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(1, TCGETS, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, ...}) = 0"
    );
    // A failed get shows the address; a set shows its struct whatever the outcome.
    assert_eq!(
        line(
            NR_IOCTL,
            [1, 0x5401, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(ENOTTY)
        ),
        "ioctl(1, TCGETS, 0x1000)                = -1 ENOTTY (Inappropriate ioctl for device)"
    );
    let zero = FakeMemory::new().with(0x1000, &[0; 36]);
    assert_eq!(
        line(
            NR_IOCTL,
            [1, 0x5404, 0x1000, 0, 0, 0],
            &zero,
            Outcome::Err(EBADF)
        ),
        "ioctl(1, SNDCTL_TMR_CONTINUE or TCSETSF, {c_iflag=, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|, c_cflag=B0|CS5|, c_lflag=, ...}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [1, 0x5402, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "ioctl(1, SNDCTL_TMR_START or TCSETS, NULL) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [1, 0x5402, 0x8, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "ioctl(1, SNDCTL_TMR_START or TCSETS, 0x8) = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x5414, 0x2000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, TIOCSWINSZ, {ws_row=24, ws_col=80, ws_xpixel=0, ws_ypixel=0}) = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x541b, 0x3000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, FIONREAD, [7])                 = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x5451, 0, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, FIOCLEX)                       = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x540b, 2, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, TCFLSH, TCIOFLUSH)             = 0"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [0, 0xc0105599, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(ENOTTY)
        ),
        "ioctl(0, _IOC(_IOC_READ|_IOC_WRITE, 0x55, 0x99, 0x10), 0x1000) = -1 ENOTTY (Inappropriate ioctl for device)"
    );
}

/// The line of `ioctl(-1, code, arg)` failing with EBADF.
fn ebadf(code: u64, arg: u64, mem: &FakeMemory) -> String {
    line(
        NR_IOCTL,
        [-1i64 as u64, code, arg, 0, 0, 0],
        mem,
        Outcome::Err(EBADF),
    )
}

/// Requests named as strace 6.1 names them (lines of its test `ioctl`): by the table, by
/// several names for one code, by a name with a parameter, by both, or by their parts.
#[test]
fn ioctl_request_names() {
    let mem = FakeMemory::new().with(0x1000, &0i32.to_ne_bytes());
    // <linux/mmtimer.h>'s MMTIMER_GETRES, _IOR('m', 1, unsigned long).
    assert_eq!(
        ebadf(0x8008_6d01, 0x1000, &mem),
        "ioctl(-1, MMTIMER_GETRES, 0x1000)       = -1 EBADF (Bad file descriptor)"
    );
    // HIDIOCGVERSION (<linux/hiddev.h>) and HIDIOCGRDESCSIZE (<linux/hidraw.h>) share a code.
    assert_eq!(
        ebadf(0x8004_4801, 0x1000, &mem),
        "ioctl(-1, HIDIOCGRDESCSIZE or HIDIOCGVERSION, 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x8008_4812, 0x1000, &mem),
        "ioctl(-1, HIDIOCGPHYS(8), 0x1000)       = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x8008_4521, 0x1000, &mem),
        "ioctl(-1, EVIOCGBIT(EV_KEY, 8), 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x8008_4520, 0x1000, &mem),
        "ioctl(-1, EVIOCGBIT(0, 8), 0x1000)      = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x8008_4526, 0x1000, &mem),
        "ioctl(-1, EVIOCGBIT(0x6 /* EV_??? */, 8), 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    // EVIOCGABS(ABS_Y): _IOR('E', 0x40 + 1, struct input_absinfo).
    assert_eq!(
        ebadf(0x8018_4541, 0x1000, &mem),
        "ioctl(-1, EVIOCGABS(ABS_Y), 0x1000)     = -1 EBADF (Bad file descriptor)"
    );
    // _IOR('M', 13, int): a mixer read and MTD's OTPSELECT, whose int is a mode.
    assert_eq!(
        ebadf(0x8004_4d0d, 0x1000, &mem),
        "ioctl(-1, MIXER_READ(13) or OTPSELECT, [MTD_OTP_OFF]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0xc050_561a, 0, &mem),
        "ioctl(-1, VIDIOC_ENUMINPUT, NULL)       = -1 EBADF (Bad file descriptor)"
    );
    // Not in Linux's headers: OpenZFS's, as strace names them.
    assert_eq!(
        ebadf(0x5a41, 0x1000, &mem),
        "ioctl(-1, ZFS_IOC_SEND_SPACE, 0x1000)   = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x8100_127d, 0x1000, &mem),
        "ioctl(-1, BLKZNAME, 0x1000)             = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x8008_dead, 0x1000, &mem),
        "ioctl(-1, _IOC(_IOC_READ, 0xde, 0xad, 0x8), 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x4000_de00, u64::MAX, &mem),
        "ioctl(-1, _IOC(_IOC_WRITE, 0xde, 0, 0), 0xffffffffffffffff) = -1 EBADF (Bad file descriptor)"
    );
}

/// `-X raw` shows a request as its number, `-X verbose` adds its names in a comment (as
/// `strace -X` does).
#[test]
fn ioctl_request_styles() {
    use super::values::styled;
    use crate::output::ConstStyle::{Raw, Verbose};
    let request = |code: u64| move |t: &mut Text<'_>| crate::decode::ioctl::request(t, code);
    assert_eq!(styled(Raw, request(0x5401)), "0x5401");
    assert_eq!(styled(Verbose, request(0x5401)), "0x5401 /* TCGETS */");
    assert_eq!(styled(Raw, request(0x8004_4d0d)), "0x80044d0d");
    assert_eq!(
        styled(Verbose, request(0x8004_4d0d)),
        "0x80044d0d /* MIXER_READ(13) or OTPSELECT */"
    );
    assert_eq!(
        styled(Verbose, request(0x8008_4526)),
        "0x80084526 /* EVIOCGBIT(0x6, 8) */"
    );
    assert_eq!(
        styled(Verbose, request(0x8004_4801)),
        "0x80044801 /* HIDIOCGRDESCSIZE or HIDIOCGVERSION */"
    );
}

/// The generated table is sorted for its binary search, and agrees with `libc` where it
/// defines the request.
#[test]
fn ioctl_table_is_sorted_and_agrees_with_libc() {
    let table = &crate::table::IOCTLS;
    assert!(table.len() > 2000);
    assert!(table.windows(2).all(|w| w[0].0 < w[1].0));
    let name = |code: u64| crate::table::ioctl_name(code as u32);
    assert_eq!(name(libc::TCGETS), Some("TCGETS"));
    assert_eq!(name(libc::FIONREAD), Some("FIONREAD"));
    assert_eq!(name(libc::TIOCGWINSZ), Some("TIOCGWINSZ"));
    assert_eq!(name(libc::BLKSSZGET), Some("BLKSSZGET"));
    assert_eq!(name(libc::BLKIOMIN), Some("BLKIOMIN"));
    assert_eq!(name(libc::BLKPBSZGET), Some("BLKPBSZGET"));
    assert_eq!(name(libc::FICLONE), Some("BTRFS_IOC_CLONE or FICLONE"));
    assert_eq!(name(libc::FS_IOC_GETFLAGS), Some("FS_IOC_GETFLAGS"));
    assert_eq!(name(libc::SIOCGIFINDEX), Some("SIOCGIFINDEX"));
    assert_eq!(name(libc::TUNSETIFF), Some("TUNSETIFF"));
    assert_eq!(name(libc::NS_GET_USERNS), Some("NS_GET_USERNS"));
    assert_eq!(name(0xdead_beef), None);
}

#[test]
fn kvm_run_exit_reason() {
    // struct kvm_run: exit_reason at offset 8 (<linux/kvm.h>).
    let run = |reason: u32| {
        let mut area = vec![0u8; 16];
        area[8..12].copy_from_slice(&reason.to_ne_bytes());
        FakeMemory::new().with(0x7000, &area)
    };
    let mut fds = FakeFds::default();
    fds.fds.insert(5, fd_path(b"anon_inode:kvm-vcpu:0"));
    fds.vcpus.insert(5, (0x7000, 0x3000));
    let kvm_run = |mem: &FakeMemory, fds: &mut FakeFds, outcome| {
        line_fds(NR_IOCTL, [5, 0xae80, 0, 0, 0, 0], mem, fds, |_| {}, outcome)
    };
    assert_eq!(
        kvm_run(&run(2), &mut fds, Outcome::Ok(0)),
        "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0 (KVM_EXIT_IO)"
    );
    assert_eq!(
        kvm_run(&run(5), &mut fds, Outcome::Ok(0)),
        "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0 (KVM_EXIT_HLT)"
    );
    assert_eq!(
        kvm_run(&run(1000), &mut fds, Outcome::Ok(0)),
        "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0 (KVM_EXIT_???)"
    );
    // A failed run, an unreadable area, a mapping too short for the struct: no reason.
    assert_eq!(
        kvm_run(&run(2), &mut fds, Outcome::Err(4)),
        "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = -1 EINTR (Interrupted system call)"
    );
    assert_eq!(
        kvm_run(&FakeMemory::new(), &mut fds, Outcome::Ok(0)),
        "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0"
    );
    fds.vcpus.insert(5, (0x7000, 0x100));
    assert_eq!(
        kvm_run(&run(2), &mut fds, Outcome::Ok(0)),
        "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_RUN, 0) = 0"
    );
    // Another request on the same descriptor: a number only.
    fds.vcpus.insert(5, (0x7000, 0x3000));
    assert_eq!(
        line_fds(
            NR_IOCTL,
            [5, 0xae04, 0, 0, 0, 0],
            &run(2),
            &mut fds,
            |_| {},
            Outcome::Ok(0)
        ),
        "ioctl(5<anon_inode:kvm-vcpu:0>, KVM_GET_VCPU_MMAP_SIZE, 0) = 0"
    );
}

/// `struct termios2` (`TCGETS2` and the three setters) and the locked settings
/// (`TIOC[GS]LCKTRMIOS`, a `struct termios`), abbreviated by default; under `-v` the line
/// discipline, the control characters by index and termios2's speeds.
#[test]
fn ioctl_termios2_and_verbose_settings() {
    let mut termios2 = words32(&[0o2400, 0o5, 0o277, 0o105073]);
    termios2.push(11); // c_line: N_IRDA
    termios2.extend_from_slice(&[3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a]);
    termios2.resize(36, 0);
    termios2.extend_from_slice(&words32(&[38400, 9600]));
    let mem = FakeMemory::new().with(0x1000, &termios2);
    let flags = "c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE";
    for (code, name) in [
        (0x802c_542a, "TCGETS2"),
        (0x402c_542b, "TCSETS2"),
        (0x402c_542c, "TCSETSW2"),
        (0x402c_542d, "TCSETSF2"),
    ] {
        assert_eq!(
            line(NR_IOCTL, [3, code, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
            format!("ioctl(3, {name}, {{{flags}, ...}}) = 0")
        );
    }
    assert_eq!(
        line(
            NR_IOCTL,
            [3, 0x802c_542a, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EFAULT)
        ),
        "ioctl(3, TCGETS2, 0x1000)               = -1 EFAULT (Bad address)"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x5457, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        format!("ioctl(3, TIOCSLCKTRMIOS, {{{flags}, ...}}) = 0")
    );
    let cc = "[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0, [VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0, [VDISCARD]=0, [VWERASE]=0, [VLNEXT]=0, [VEOL2]=0, [17]=0, [18]=0";
    assert_eq!(
        line_verbose(
            NR_IOCTL,
            [3, 0x802c_542a, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(3, TCGETS2, {{{flags}, c_line=N_IRDA, c_cc=[{cc}], c_ispeed=38400, c_ospeed=9600}}) = 0"
        )
    );
    assert_eq!(
        line_verbose(NR_IOCTL, [3, 0x5456, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        format!("ioctl(3, TIOCGLCKTRMIOS, {{{flags}, c_line=N_IRDA, c_cc=[{cc}]}}) = 0")
    );
    // struct termio: 16-bit words, eight control characters; a line discipline strace 6.1
    // does not know (N_MCTP) in hex.
    let mut termio: Vec<u8> = [0o2400u16, 0o5, 0o277, 0o105073]
        .iter()
        .flat_map(|w| w.to_ne_bytes())
        .collect();
    termio.push(28);
    termio.extend_from_slice(&[3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0]);
    let mem = FakeMemory::new().with(0x1000, &termio);
    assert_eq!(
        line_verbose(NR_IOCTL, [3, 0x5405, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, TCGETA, {c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE, c_line=0x1c /* N_??? */, c_cc=[[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0]}) = 0"
    );
}

/// A pty's settings: the flag words, `c_line` and the control characters.
fn pty_termios() -> Vec<u8> {
    let mut t = words32(&[0o2400, 0o5, 0o277, 0o105073]);
    t.push(0);
    t.extend([
        3, 0x1c, 0x7f, 0x15, 4, 0, 1, 0, 0x11, 0x13, 0x1a, 0, 0x12, 0xf, 0x17, 0x16,
    ]);
    t.extend([0, 0, 0]);
    t
}

#[test]
fn termios_in_full_under_v() {
    let flags = "c_iflag=ICRNL|IXON, c_oflag=NL0|CR0|TAB0|BS0|VT0|FF0|OPOST|ONLCR, c_cflag=B38400|CS8|CREAD, c_lflag=ISIG|ICANON|ECHO|ECHOE|ECHOK|IEXTEN|ECHOCTL|ECHOKE";
    let cc = "[VINTR]=0x3, [VQUIT]=0x1c, [VERASE]=0x7f, [VKILL]=0x15, [VEOF]=0x4, [VTIME]=0, [VMIN]=0x1, [VSWTC]=0";
    let cc_rest = "[VSTART]=0x11, [VSTOP]=0x13, [VSUSP]=0x1a, [VEOL]=0, [VREPRINT]=0x12, [VDISCARD]=0xf, [VWERASE]=0x17, [VLNEXT]=0x16, [VEOL2]=0, [17]=0, [18]=0";
    let mut t2 = pty_termios();
    t2.extend(words32(&[38400, 9600]));
    // struct termio: 16-bit words, c_line, 8 characters (named as termios' first 8).
    let mut termio: Vec<u8> = [0o2400u16, 0o5, 0o277, 0o105073]
        .iter()
        .flat_map(|w| w.to_ne_bytes())
        .collect();
    termio.push(0x90);
    termio.extend(&pty_termios()[17..25]);
    let mem = FakeMemory::new()
        .with(0x1000, &pty_termios())
        .with(0x2000, &t2)
        .with(0x3000, &termio);
    assert_eq!(
        line_verbose(NR_IOCTL, [4, 0x5401, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        format!("ioctl(4, TCGETS, {{{flags}, c_line=N_TTY, c_cc=[{cc}, {cc_rest}]}}) = 0")
    );
    assert_eq!(
        line_verbose(
            NR_IOCTL,
            [4, 0x802c_542a, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!(
            "ioctl(4, TCGETS2, {{{flags}, c_line=N_TTY, c_cc=[{cc}, {cc_rest}], c_ispeed=38400, c_ospeed=9600}}) = 0"
        )
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [4, 0x402c_542b, 0x2000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        format!("ioctl(4, TCSETS2, {{{flags}, ...}}) = 0")
    );
    assert_eq!(
        line_verbose(NR_IOCTL, [4, 0x5405, 0x3000, 0, 0, 0], &mem, Outcome::Ok(0)),
        format!("ioctl(4, TCGETA, {{{flags}, c_line=0x90 /* N_??? */, c_cc=[{cc}]}}) = 0")
    );
    // The locked settings are a struct termios too.
    assert_eq!(
        line(NR_IOCTL, [4, 0x5456, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        format!("ioctl(4, TIOCGLCKTRMIOS, {{{flags}, ...}}) = 0")
    );
}

/// The requests of `[ioctl_args]`: each prints as its entry says, when its `dir` says.
#[test]
fn ioctl_args_table() {
    // struct hd_geometry: heads, sectors, cylinders, then `start` at offset 8.
    let mut geo = vec![4u8, 63, 0x10, 0x02, 0, 0, 0, 0];
    geo.extend_from_slice(&2048u64.to_ne_bytes());
    let mem = FakeMemory::new()
        .with(0x1000, &geo)
        .with(0x2000, &(-5i32).to_ne_bytes())
        .with(0x3000, &words(&[1 << 40, 4096]));
    const HDIO_GETGEO: u64 = 0x301;
    assert_eq!(
        line(
            NR_IOCTL,
            [3, HDIO_GETGEO, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, HDIO_GETGEO, {heads=4, sectors=63, cylinders=528, start=2048}) = 0"
    );
    // `out`: a failed call shows the address (NULL for none).
    assert_eq!(
        line(
            NR_IOCTL,
            [3, HDIO_GETGEO, 0, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, HDIO_GETGEO, NULL)             = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, HDIO_GETGEO, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, HDIO_GETGEO, 0x1000)           = -1 EBADF (Bad file descriptor)"
    );
    // `in` (BLKROSET, an int the caller gives): read at entry, shown whatever the outcome; a
    // value taken as is (BLKRASET); a pair (BLKDISCARD); a request with no argument.
    const BLKROSET: u64 = 0x125d;
    let changed = FakeMemory::new().with(0x2000, &7i32.to_ne_bytes());
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, BLKROSET, 0x2000, 0, 0, 0],
            &mem,
            &changed,
            Outcome::Err(EBADF)
        ),
        "ioctl(3, BLKROSET, [-5])                = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, 0x1262, u64::MAX, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, BLKRASET, 18446744073709551615) = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x1277, 0x3000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, BLKDISCARD, [1099511627776, 4096]) = 0"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x125f, 0x3000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, BLKRRPART)                     = 0"
    );
    // An `out` number: `[N]` after a successful call (BLKSSZGET).
    assert_eq!(
        line(NR_IOCTL, [3, 0x1268, 0x2000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, BLKSSZGET, [-5])               = 0"
    );
}

/// Modem lines (flags in an int), the random pool (a buffer as long as a member says) and a
/// counter watch (a struct in a struct, enums of bytes).
#[test]
fn ioctl_tiocm_random_counter() {
    let mut pool = words32(&[3, 4]);
    pool.extend_from_slice(b"a\"\n\x01");
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[0x8006]))
        .with(0x2000, &pool)
        .with(0x3000, &[2, 1, 7, 9, 4, 200])
        .with(0x4000, &[0x77, 0x66, 1, 2, 0x55, 3]);
    assert_eq!(
        ebadf(0x5416, 0x1000, &mem),
        "ioctl(-1, TIOCMBIS, [TIOCM_DTR|TIOCM_RTS|TIOCM_LOOP]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x5415, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, TIOCMGET, [TIOCM_DTR|TIOCM_RTS|TIOCM_LOOP]) = 0"
    );
    assert_eq!(
        ebadf(0x4008_5203, 0x2000, &mem),
        "ioctl(-1, RNDADDENTROPY, {entropy_count=3, buf_size=4, buf=\"a\\\"\\n\\1\"}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x5204, 0, &mem),
        "ioctl(-1, FASTRPC_IOCTL_INIT_ATTACH or RNDZAPENTCNT) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x4006_3e00, 0x3000, &mem),
        "ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={type=COUNTER_COMPONENT_COUNT, \
         scope=COUNTER_SCOPE_SIGNAL, parent=7, id=9}, event=COUNTER_EVENT_INDEX, channel=200}) \
         = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x4006_3e00, 0x4000, &mem),
        "ioctl(-1, COUNTER_ADD_WATCH_IOCTL, {component={type=0x77 /* COUNTER_COMPONENT_??? */, \
         scope=0x66 /* COUNTER_SCOPE_??? */, parent=1, id=2}, event=0x55 /* COUNTER_EVENT_??? */, \
         channel=3}) = -1 EBADF (Bad file descriptor)"
    );
}

/// strace's hdio.c and its generated decoders: numbers given and got, the nice flags and bus
/// states in an `unsigned long`, three ints in hex, a drive command and what the drive wrote
/// back (at a failure with EIO too), the identity blocks.
#[test]
fn ioctl_hdio() {
    let mut cmd_back = vec![0x50u8, 0, 1, 1];
    cmd_back.extend_from_slice(&[0xab; 40]);
    let mem = FakeMemory::new()
        .with(0x1000, &words(&[0x1b]))
        .with(0x2000, &words32(&[0xdeadbeef, 0, 1]))
        .with(0x3000, &[0xca, 255, 238, 0])
        .with(0x4000, b"abc\0def")
        .with(0x5ffc, &words32(&[9]));
    let changed = FakeMemory::new()
        .with(0x3000, &cmd_back)
        .with(0x4000, b"abc\0def");
    assert_eq!(
        line(NR_IOCTL, [3, 0x30c, 0x1000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, HDIO_GET_NICE, [1 << IDE_NICE_DSC_OVERLAP|1 << IDE_NICE_ATAPI_OVERLAP|\
         1 << IDE_NICE_1|1 << IDE_NICE_2]) = 0"
    );
    assert_eq!(
        ebadf(0x32d, 7, &mem),
        "ioctl(-1, HDIO_SET_BUSSTATE, 0x7 /* BUSSTATE_??? */) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x324, u64::MAX, &mem),
        "ioctl(-1, HDIO_SET_32BIT, 18446744073709551615) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x31c, 0x2000, &mem),
        "ioctl(-1, HDIO_DRIVE_RESET, [0xdeadbeef, 0, 0x1]) = -1 EBADF (Bad file descriptor)"
    );
    // Read one by one: the ints before the memory ends.
    assert_eq!(
        ebadf(0x328, 0x5ffc, &mem),
        "ioctl(-1, HDIO_SCAN_HWIF, [0x9, ... /* 0x6000 */]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x31f, 0x3000, &mem),
        "ioctl(-1, HDIO_DRIVE_CMD, {command=ATA_CMD_WRITE, sector_number=255, feature=238, \
         sector_count=0}) = -1 EBADF (Bad file descriptor)"
    );
    let back = "ioctl(3, HDIO_DRIVE_CMD, {command=ATA_CMD_WRITE, sector_number=255, feature=238, \
                sector_count=0} => {status=0x50, error=0, nsector=1, buf=\"\\xab\\xab\\xab\\xab\
                \\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\
                \\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\\xab\"...})";
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, 0x31f, 0x3000, 0, 0, 0],
            &mem,
            &changed,
            Outcome::Ok(0)
        ),
        format!("{back} = 0")
    );
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, 0x31f, 0x3000, 0, 0, 0],
            &mem,
            &changed,
            Outcome::Err(5)
        ),
        format!("{back} = -1 EIO (Input/output error)")
    );
    assert_eq!(
        line(NR_IOCTL, [3, 0x307, 0x4000, 0, 0, 0], &mem, Outcome::Ok(0)),
        "ioctl(3, HDIO_OBSOLETE_IDENTITY, \"abc\\0def\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\\0\
         \\0\\0\\0\\0\\0\\0\\0\\0\\0\"...) = 0"
    );
    assert_eq!(
        ebadf(0x30d, 0x4000, &mem),
        "ioctl(-1, HDIO_GET_IDENTITY, 0x4000)    = -1 EBADF (Bad file descriptor)"
    );
}

/// strace's seccomp_ioctl.c: a notification shown at entry only when not all zero, its
/// syscall named for x86_64; a response's negated errno; an id in hex under both directions
/// of its request; a descriptor to add.
#[test]
fn ioctl_seccomp_notify() {
    let mut notif = words(&[0x1234]);
    notif.extend_from_slice(&words32(&[0, 0]));
    notif.extend_from_slice(&words32(&[186, 0xc000_003e]));
    notif.extend_from_slice(&words(&[0, 1, 2, 3, 4, 5, 0xff]));
    let mut resp = words(&[1, (-2i64) as u64]);
    resp.extend_from_slice(&words32(&[(-63i32) as u32, 1]));
    let mut addfd = words(&[0xab]);
    addfd.extend_from_slice(&words32(&[0x10, 3, 4, 0o2000000]));
    let mem = FakeMemory::new()
        .with(0x1000, &[0; 80])
        .with(0x2000, &notif)
        .with(0x3000, &resp)
        .with(0x4000, &words(&[0xdecaf]))
        .with(0x5000, &addfd);
    let changed = FakeMemory::new().with(0x1000, &notif).with(0x2000, &notif);
    let shown = "{id=0x1234, pid=0, flags=0, data={nr=__NR_gettid, arch=AUDIT_ARCH_X86_64, \
                 instruction_pointer=NULL, args=[0x1, 0x2, 0x3, 0x4, 0x5, 0xff]}}";
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, 0xc050_2100, 0x1000, 0, 0, 0],
            &mem,
            &changed,
            Outcome::Ok(0)
        ),
        format!("ioctl(3, SECCOMP_IOCTL_NOTIF_RECV, {shown}) = 0")
    );
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, 0xc050_2100, 0x2000, 0, 0, 0],
            &mem,
            &changed,
            Outcome::Ok(0)
        ),
        format!("ioctl(3, SECCOMP_IOCTL_NOTIF_RECV, {shown} => {shown}) = 0")
    );
    assert_eq!(
        ebadf(0xc050_2100, 0x1000, &mem),
        "ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, 0x1000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0xc050_2100, 0x9000, &mem),
        "ioctl(-1, SECCOMP_IOCTL_NOTIF_RECV, 0x9000) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0xc018_2101, 0x3000, &mem),
        "ioctl(-1, SECCOMP_IOCTL_NOTIF_SEND, {id=0x1, val=-2, error=-ENOSR, \
         flags=SECCOMP_USER_NOTIF_FLAG_CONTINUE}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x8008_2102, 0x4000, &mem),
        "ioctl(-1, SECCOMP_IOCTL_NOTIF_ID_VALID_WRONG_DIR, [0xdecaf]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x4018_2103, 0x5000, &mem),
        "ioctl(-1, SECCOMP_IOCTL_NOTIF_ADDFD, {id=0xab, flags=0x10 /* SECCOMP_ADDFD_FLAG_??? */, \
         srcfd=3, newfd=4, newfd_flags=O_CLOEXEC}) = -1 EBADF (Bad file descriptor)"
    );
}

/// strace's lirc_ioctl.c: a `__u32` given (at entry) or got (at exit), as features, a mode,
/// a mask in hex or a number.
#[test]
fn ioctl_lirc() {
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[0x8000_0012]))
        .with(0x2000, &words32(&[8]))
        .with(0x3000, &words32(&[0xff]));
    assert_eq!(
        line(
            NR_IOCTL,
            [3, 0x8004_6900, 0x1000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, LIRC_GET_FEATURES, [LIRC_CAN_SEND_PULSE|LIRC_CAN_SEND_LIRCCODE|\
         LIRC_CAN_SET_REC_CARRIER_RANGE]) = 0"
    );
    assert_eq!(
        ebadf(0x4004_6911, 0x2000, &mem),
        "ioctl(-1, LIRC_SET_SEND_MODE, [LIRC_MODE_SCANCODE]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x4004_6917, 0x3000, &mem),
        "ioctl(-1, LIRC_SET_TRANSMITTER_MASK, [0xff]) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x8004_6924, 0x3000, &mem),
        "ioctl(-1, LIRC_GET_REC_TIMEOUT, 0x3000) = -1 EBADF (Bad file descriptor)"
    );
}

/// strace's rtc.c: times (abbreviated after the year), alarms, the PLL, voltage flags, and
/// RTC_PARAM_GET/SET's value by its parameter, got at GET's exit.
#[test]
fn ioctl_rtc() {
    let mut param = words(&[0, 0x41]);
    param.extend_from_slice(&words32(&[2, 0]));
    let mut got = words(&[0, 0x100]);
    got.extend_from_slice(&words32(&[2, 7]));
    let mem = FakeMemory::new()
        .with(0x1000, &words32(&[1, 2, 3, 4, 5, 6, 7, 8, 9]))
        .with(0x2000, &param)
        .with(0x3000, &words32(&[0x11]));
    let changed = FakeMemory::new().with(0x2000, &got);
    assert_eq!(
        ebadf(0x4024_700a, 0x1000, &mem),
        "ioctl(-1, RTC_SET_TIME, {tm_sec=1, tm_min=2, tm_hour=3, tm_mday=4, tm_mon=5, \
         tm_year=6, ...}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line(
            NR_IOCTL,
            [3, 0x8004_7013, 0x3000, 0, 0, 0],
            &mem,
            Outcome::Ok(0)
        ),
        "ioctl(3, RTC_VL_READ, [RTC_VL_DATA_INVALID|RTC_VL_BACKUP_SWITCH]) = 0"
    );
    assert_eq!(
        ebadf(0x4018_7014, 0x2000, &mem),
        "ioctl(-1, RTC_PARAM_SET, {param=RTC_PARAM_FEATURES, uvalue=1<<RTC_FEATURE_ALARM|\
         1<<RTC_FEATURE_BACKUP_SWITCH_MODE, index=2}) = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        line_changed(
            NR_IOCTL,
            [3, 0x4018_7013, 0x2000, 0, 0, 0],
            &mem,
            &changed,
            Outcome::Ok(0)
        ),
        "ioctl(3, RTC_PARAM_GET, {param=RTC_PARAM_FEATURES, index=2} => \
         {uvalue=0x100 /* 1<<RTC_FEATURE_??? */, __pad=0x7}) = 0"
    );
    assert_eq!(
        ebadf(0x4018_7013, 0x2000, &mem),
        "ioctl(-1, RTC_PARAM_GET, {param=RTC_PARAM_FEATURES, index=2} => 0x2000) \
         = -1 EBADF (Bad file descriptor)"
    );
    assert_eq!(
        ebadf(0x4018_7013, 0, &mem),
        "ioctl(-1, RTC_PARAM_GET, NULL)          = -1 EBADF (Bad file descriptor)"
    );
}
