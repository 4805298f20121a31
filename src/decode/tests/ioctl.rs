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
