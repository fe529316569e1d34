// The applets of Alpine's busybox and where `busybox --install -s` links them: every one is a
// symlink to /bin/busybox in an Alpine-based image (alpine, agnhost, curl, nginx:alpine). The lab
// runs some of them (APPLETS in rootfs.ts); the others are there, as in the real image, and say
// that the lab does not simulate them.
// Imitates: the applet list of Alpine's busybox (`busybox --help` of alpine:3.15.4, BusyBox 1.34;
// not re-checked for later Alpine releases) and each applet's install directory from busybox
// 1.36.1's `//applet:` lines (BB_DIR_BIN, BB_DIR_SBIN, BB_DIR_USR_BIN, BB_DIR_USR_SBIN).

/** Alpine's busybox applets by the directory their link is in. */
const BY_DIR: Record<string, string> = {
  '/bin':
    'arch ash base64 bbconfig cat chgrp chmod chown cp cpio date dd df dmesg dnsdomainname ' +
    'dumpkmap echo ed egrep false fatattr fdflush fgrep fsync getopt grep gunzip gzip ' +
    'hostname ionice iostat ipcalc kbd_mode kill link linux32 linux64 ln login ls lzop ' +
    'makemime mkdir mknod mktemp more mount mountpoint mpstat mv netstat nice pidof ping ' +
    'ping6 pipe_progress printenv ps pwd reformime rev rm rmdir run-parts sed setpriv ' +
    'setserial sh sleep stat stty su sync tar touch true umount uname usleep vi watch zcat',
  '/sbin':
    'acpid adjtimex arp blkid blockdev depmod fbsplash fdisk findfs fsck fstrim getty halt ' +
    'hwclock ifconfig ifdown ifenslave ifup init inotifyd insmod ip ipaddr iplink ipneigh ' +
    'iproute iprule iptunnel klogd loadkmap logread losetup lsmod mdev mkdosfs mkfs.vfat ' +
    'mkswap modinfo modprobe nameif pivot_root poweroff raidautorun reboot rmmod route ' +
    'setconsole slattach swapoff swapon switch_root sysctl syslogd tunctl udhcpc vconfig ' +
    'watchdog',
  '/usr/bin':
    '[ [[ awk basename bc beep blkdiscard bunzip2 bzcat bzip2 cal chvt cksum clear cmp comm ' +
    'crontab cryptpw cut dc deallocvt diff dirname dos2unix du eject env expand expr factor ' +
    'fallocate find flock fold free fuser groups hd head hexdump hostid id install ipcrm ipcs ' +
    'killall less logger lsof lsusb lzcat lzma lzopcat md5sum mesg microcom mkfifo mkpasswd ' +
    'nc nl nmeter nohup nproc nsenter nslookup od openvt passwd paste pgrep pkill pmap printf ' +
    'pscan pstree pwdx readlink realpath renice reset resize seq setkeycodes setsid sha1sum ' +
    'sha256sum sha3sum sha512sum showkey shred shuf sort split strings sum tac tail tee test ' +
    'time timeout top tr traceroute traceroute6 truncate tty ttysize udhcpc6 unexpand uniq ' +
    'unix2dos unlink unlzma unlzop unshare unxz unzip uptime uudecode uuencode vlock volname ' +
    'wc wget which whoami whois xargs xxd xzcat yes',
  '/usr/sbin':
    'add-shell addgroup adduser arping brctl chpasswd chroot crond delgroup deluser ' +
    'ether-wake fbset killall5 loadfont nanddump nandwrite nbd-client nologin ntpd partprobe ' +
    'rdate rdev readahead remove-shell rfkill sendmail setfont setlogcons',
}

/** Every applet of Alpine's busybox and the directory of its link. */
export const ALPINE_APPLETS: ReadonlyMap<string, string> = new Map(
  Object.entries(BY_DIR).flatMap(([where, names]) => names.split(' ').map((name) => [name, where] as [string, string])),
)
