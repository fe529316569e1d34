// The docker-library busybox image (busybox:1.36, its glibc variant, the one amd64 pulls): one
// busybox binary under every applet's name in /bin, as hard links (`busybox --install /bin`, no
// -s), Debian's getconf beside it, the glibc libraries busybox needs in /lib, and the few /etc
// files and directories buildroot's skeleton gives.
// Imitates: docker-library/busybox's Dockerfile.builder for 1.36.1 (glibc variant on Debian 12):
// `make defconfig`, then CONFIG_AR, FEATURE_AR_CREATE, FEATURE_AR_LONG_FILENAMES,
// LAST_SUPPORTED_WCHAR=0 and FEATURE_SYNC_FANCY off; the applets below are `busybox --list` of
// busybox 1.36.1 built that way. The layout and the /etc files are those of the image's rootfs
// (checked against the 1.37.0 image of the same builder: only the applet list and sizes differ).

import { dir, file, link, mkdirp, type FsDir } from './vfs'

/** The applets of busybox 1.36.1's defconfig with the image's changes (403). */
export const BUSYBOX_IMAGE_APPLETS: readonly string[] = (
  '[ [[ acpid add-shell addgroup adduser adjtimex ar arch arp arping ascii ash awk base32 base64 ' +
  'basename bc beep blkdiscard blkid blockdev bootchartd brctl bunzip2 bzcat bzip2 cal cat chat ' +
  'chattr chgrp chmod chown chpasswd chpst chroot chrt chvt cksum clear cmp comm conspy cp cpio ' +
  'crc32 crond crontab cryptpw cttyhack cut date dc dd deallocvt delgroup deluser depmod devmem df ' +
  'dhcprelay diff dirname dmesg dnsd dnsdomainname dos2unix dpkg dpkg-deb du dumpkmap dumpleases ' +
  'echo ed egrep eject env envdir envuidgid ether-wake expand expr factor fakeidentd fallocate ' +
  'false fatattr fbset fbsplash fdflush fdformat fdisk fgconsole fgrep find findfs flock fold free ' +
  'freeramdisk fsck fsck.minix fsfreeze fstrim fsync ftpd ftpget ftpput fuser getopt getty grep ' +
  'groups gunzip gzip halt hd hdparm head hexdump hexedit hostid hostname httpd hush hwclock ' +
  'i2cdetect i2cdump i2cget i2cset i2ctransfer id ifconfig ifdown ifenslave ifplugd ifup inetd ' +
  'init insmod install ionice iostat ip ipaddr ipcalc ipcrm ipcs iplink ipneigh iproute iprule ' +
  'iptunnel kbd_mode kill killall killall5 klogd last less link linux32 linux64 linuxrc ln ' +
  'loadfont loadkmap logger login logname logread losetup lpd lpq lpr ls lsattr lsmod lsof lspci ' +
  'lsscsi lsusb lzcat lzma lzop makedevs makemime man md5sum mdev mesg microcom mim mkdir mkdosfs ' +
  'mke2fs mkfifo mkfs.ext2 mkfs.minix mkfs.vfat mknod mkpasswd mkswap mktemp modinfo modprobe more ' +
  'mount mountpoint mpstat mt mv nameif nanddump nandwrite nbd-client nc netstat nice nl nmeter ' +
  'nohup nologin nproc nsenter nslookup ntpd od openvt partprobe passwd paste patch pgrep pidof ' +
  'ping ping6 pipe_progress pivot_root pkill pmap popmaildir poweroff powertop printenv printf ps ' +
  'pscan pstree pwd pwdx raidautorun rdate rdev readahead readlink readprofile realpath reboot ' +
  'reformime remove-shell renice reset resize resume rev rm rmdir rmmod route rpm rpm2cpio rtcwake ' +
  'run-init run-parts runlevel runsv runsvdir rx script scriptreplay sed seedrng sendmail seq ' +
  'setarch setconsole setfattr setfont setkeycodes setlogcons setpriv setserial setsid setuidgid ' +
  'sh sha1sum sha256sum sha3sum sha512sum showkey shred shuf slattach sleep smemcap softlimit sort ' +
  'split ssl_client start-stop-daemon stat strings stty su sulogin sum sv svc svlogd svok swapoff ' +
  'swapon switch_root sync sysctl syslogd tac tail tar taskset tc tcpsvd tee telnet telnetd test ' +
  'tftp tftpd time timeout top touch tr traceroute traceroute6 tree true truncate ts tsort tty ' +
  'ttysize tunctl ubiattach ubidetach ubimkvol ubirename ubirmvol ubirsvol ubiupdatevol udhcpc ' +
  'udhcpc6 udhcpd udpsvd uevent umount uname unexpand uniq unix2dos unlink unlzma unshare unxz ' +
  'unzip uptime users usleep uudecode uuencode vconfig vi vlock volname w wall watch watchdog wc ' +
  'wget which who whoami whois xargs xxd xz xzcat yes zcat zcip'
).split(' ')

// UNVERIFIED: the sizes of the binaries. busybox's is that of 1.36.1 built as above with Debian 12's
// gcc and glibc (the image's toolchain); getconf's and the libraries' are Debian 12's (glibc 2.36).
const BUSYBOX_SIZE = 1_021_496
const GETCONF_SIZE = 27_136
const LIBS: Record<string, [number, number]> = {
  'ld-linux-x86-64.so.2': [215_000, 0o755],
  'libc.so.6': [1_926_232, 0o755],
  'libm.so.6': [911_904, 0o644],
  'libnss_compat.so.2': [39_896, 0o644],
  'libnss_dns.so.2': [14_400, 0o644],
  'libnss_files.so.2': [14_400, 0o644],
  'libnss_hesiod.so.2': [27_136, 0o644],
  'libpthread.so.0': [14_480, 0o644],
  'libresolv.so.2': [60_328, 0o644],
}

/** buildroot's system/skeleton/etc files, as the image has them (root's password locked: CVE-2019-5021). */
const PASSWD =
  'root:x:0:0:root:/root:/bin/sh\ndaemon:x:1:1:daemon:/usr/sbin:/bin/false\nbin:x:2:2:bin:/bin:/bin/false\n' +
  'sys:x:3:3:sys:/dev:/bin/false\nsync:x:4:100:sync:/bin:/bin/sync\nmail:x:8:8:mail:/var/spool/mail:/bin/false\n' +
  'www-data:x:33:33:www-data:/var/www:/bin/false\noperator:x:37:37:Operator:/var:/bin/false\nnobody:x:65534:65534:nobody:/home:/bin/false\n'
const GROUP = [
  'root:x:0:', 'daemon:x:1:', 'bin:x:2:', 'sys:x:3:', 'adm:x:4:', 'tty:x:5:', 'disk:x:6:', 'lp:x:7:', 'mail:x:8:',
  'kmem:x:9:', 'wheel:x:10:root', 'cdrom:x:11:', 'dialout:x:18:', 'floppy:x:19:', 'video:x:28:', 'audio:x:29:',
  'tape:x:32:', 'www-data:x:33:', 'operator:x:37:', 'utmp:x:43:', 'plugdev:x:46:', 'staff:x:50:', 'lock:x:54:',
  'netdev:x:82:', 'users:x:100:', 'nobody:x:65534:',
].map((l) => `${l}\n`).join('')
const SHADOW = ['root', 'daemon', 'bin', 'sys', 'sync', 'mail', 'www-data', 'operator', 'nobody'].map((u) => `${u}:*:::::::\n`).join('')
/** Debian 12's default /etc/nsswitch.conf (the builder copies the build container's). */
const NSSWITCH =
  '# /etc/nsswitch.conf\n#\n# Example configuration of GNU Name Service Switch functionality.\n' +
  "# If you have the `glibc-doc-reference' and `info' packages installed, try:\n" +
  '# `info libc "Name Service Switch"\' for information about this file.\n\n' +
  'passwd:         files\ngroup:          files\nshadow:         files\ngshadow:        files\n\n' +
  'hosts:          files dns\nnetworks:       files\n\n' +
  'protocols:      db files\nservices:       db files\nethers:         db files\nrpc:            db files\n\n' +
  'netgroup:       nis\n'
/** /usr/share/zoneinfo/UTC (TZif version 2, no transitions), the image's /etc/localtime: its bytes as Latin-1 characters. */
const UTC_TZIF = (() => {
  const v1 = 'TZif2' + '\0'.repeat(15) + '\0\0\0\0'.repeat(3) + '\0\0\0\0' + '\0\0\0\x01' + '\0\0\0\x04'
  const body = '\0\0\0\0\0\0UTC\0'
  return `${v1}${body}${v1}${body}\nUTC0\n`
})()

/** The image's tree, without what the runtime adds (/dev's devices, /proc, /sys, the kubelet's /etc files). */
export function placeBusyboxImage(root: FsDir, t: number): void {
  for (const d of ['bin', 'dev', 'etc', 'home', 'lib', 'tmp', 'usr', 'var']) root.children.set(d, dir(t, d === 'tmp' ? 0o1777 : 0o755))
  root.children.set('root', dir(t, 0o700))
  root.children.set('lib64', link('lib', t))
  const bin = root.children.get('bin') as FsDir
  // one file, every name a hard link to it: one inode, 404 links
  const busybox = { ...file('', t, 0o755), size: BUSYBOX_SIZE, inode: '/bin/busybox', nlink: BUSYBOX_IMAGE_APPLETS.length + 1 }
  bin.children.set('busybox', busybox)
  for (const name of BUSYBOX_IMAGE_APPLETS) bin.children.set(name, busybox)
  bin.children.set('getconf', { ...file('', t, 0o755), size: GETCONF_SIZE })
  const lib = root.children.get('lib') as FsDir
  for (const [name, [size, mode]] of Object.entries(LIBS)) lib.children.set(name, { ...file('', t, mode), size })
  const etc = root.children.get('etc') as FsDir
  etc.children.set('group', file(GROUP, t))
  etc.children.set('localtime', file(UTC_TZIF, t))
  etc.children.set('nsswitch.conf', file(NSSWITCH, t))
  etc.children.set('passwd', file(PASSWD, t))
  etc.children.set('shadow', file(SHADOW, t, 0o600))
  for (const d of ['if-down.d', 'if-post-down.d', 'if-pre-up.d', 'if-up.d']) mkdirp(root, `/etc/network/${d}`, t)
  mkdirp(root, '/usr/bin', t).children.set('env', link('../../bin/env', t))
  mkdirp(root, '/usr/sbin', t)
  mkdirp(root, '/var/spool/mail', t)
  mkdirp(root, '/var/www', t)
}
