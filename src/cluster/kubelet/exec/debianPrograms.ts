// The programs every Debian 12 system has: its Essential packages' /bin and /usr/bin (coreutils,
// util-linux, diffutils, tar, gzip, ...). A Debian-based image holds them all, and so does the
// workstation; the lab runs many of them, and the others say that it does not simulate them, where
// `command not found` would deny a program the real system has.
// Imitates: `dpkg -L` of Debian 12's Essential packages (names with a dot, such as perl5.36.0, left out).

/** Their names, sorted. */
export const DEBIAN_PROGRAMS: readonly string[] = (
  '[ addpart arch b2sum base32 base64 basename basenc bash bashbug captoinfo cat chcon chgrp chmod ' +
  'choom chown chrt cksum clear clear_console cmp comm cp csplit cut dash date dd ' +
  'deb-systemd-helper deb-systemd-invoke delpart df diff diff3 dir dircolors dirname dmesg ' +
  'dnsdomainname domainname dpkg dpkg-deb dpkg-divert dpkg-maintscript-helper dpkg-query ' +
  'dpkg-realpath dpkg-split dpkg-statoverride dpkg-trigger du echo egrep env expand expr factor ' +
  'faillog fallocate false fgrep find findmnt flock fmt fold getconf getent getopt grep groups ' +
  'gunzip gzexe gzip hardlink head hostid hostname i386 iconv id infocmp infotocap install ionice ' +
  'ipcmk ipcrm ipcs ischroot join last lastb lastlog ldd link linux32 linux64 ln locale localedef ' +
  'logger login logname ls lsblk lscpu lsipc lslocks lslogins lsmem lsns mcookie md5sum mesg mkdir ' +
  'mkfifo mknod mktemp more mountpoint mv namei newgrp nice nisdomainname nl nohup nproc nsenter ' +
  'numfmt od partx paste pathchk perl pidof pinky pldd pr printenv printf prlimit ptx pwd rbash ' +
  'readlink realpath renice reset resizepart rev rgrep rm rmdir run-parts runcon savelog script ' +
  'scriptlive scriptreplay sdiff sed seq setarch setpriv setsid setterm sg sh sha1sum sha224sum ' +
  'sha256sum sha384sum sha512sum shred shuf sleep sort split stat stdbuf stty su sum sync tabs tac ' +
  'tail tar taskset tee tempfile test tic timeout toe touch tput tr true truncate tset tsort tty ' +
  'tzselect uclampset uname uncompress unexpand uniq unlink unshare update-alternatives users ' +
  'utmpdump vdir wall wc wdctl whereis who whoami x86_64 xargs yes ypdomainname zcat zcmp zdiff ' +
  'zdump zegrep zfgrep zforce zgrep zless zmore znew'
).split(' ')
