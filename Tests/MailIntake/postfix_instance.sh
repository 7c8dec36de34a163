#!/bin/sh
# A private Postfix instance for the intake end-to-end test, on 127.0.0.1 and a high port, with
# its own config, queue and log under DIR; the host's port 25 and /etc/postfix are not touched.
#   postfix_instance.sh start DIR PORT ALIAS_COMMAND [MAILDIR]
#       alias support: "|ALIAS_COMMAND", and inbox: MAILDIR/ (a Maildir delivery) when given
#   postfix_instance.sh flush DIR                      retry the deferred queue now
#   postfix_instance.sh queue DIR                      print the number of queued messages
#   postfix_instance.sh stop DIR
# Needs root (the master drops to the postfix user) and Debian's postfix package.
set -eu
PATH=/usr/sbin:/usr/bin:/sbin:/bin; export PATH
action=$1 dir=$2
conf=$dir/etc
case $action in
start)
  port=$3 command=$4 maildir=${5:-}
  mkdir -p "$conf" "$dir/spool" "$dir/data"
  cp /etc/postfix/master.cf.proto "$conf/master.cf" 2>/dev/null || cp /usr/share/postfix/master.cf.dist "$conf/master.cf"
  cp /etc/postfix/dynamicmaps.cf "$conf/" 2>/dev/null || true
  [ -d /etc/postfix/dynamicmaps.cf.d ] && cp -r /etc/postfix/dynamicmaps.cf.d "$conf/" || true
  # smtpd on 127.0.0.1:PORT instead of port 25, not chrooted (the queue is not under /var/spool).
  sed -i -e 's/^smtp \{1,\}inet .*/127.0.0.1:'"$port"' inet n - n - - smtpd/' "$conf/master.cf"
  sed -i -E 's/^([a-z]+ +(unix|unix-dgram|fifo|pass) +[-ny] +[-ny] +)y /\1n /' "$conf/master.cf"
  cat > "$conf/main.cf" <<CONF
compatibility_level = 3.6
config_directory = $conf
queue_directory = $dir/spool
data_directory = $dir/data
mail_owner = postfix
setgid_group = postdrop
myhostname = support.tenboard.test
mydomain = tenboard.test
myorigin = \$myhostname
mydestination = \$myhostname, localhost
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.0/8
relayhost =
smtpd_relay_restrictions = permit_mynetworks, reject_unauth_destination
alias_maps = hash:$conf/aliases
alias_database = hash:$conf/aliases
local_recipient_maps = \$alias_maps
default_privs = nobody
maillog_file_prefixes = /var, /dev/stdout, $dir
maillog_file = $dir/maillog
smtputf8_enable = no
biff = no
minimal_backoff_time = 1s
maximal_backoff_time = 2s
queue_run_delay = 1s
local_destination_concurrency_limit = 20
default_process_limit = 100
message_size_limit = 20480000
CONF
  printf 'support: "|%s"\npostmaster: root\n' "$command" > "$conf/aliases"
  [ -n "$maildir" ] && printf 'inbox: %s/\n' "$maildir" >> "$conf/aliases"
  chown root:root "$conf/aliases"
  postalias -c "$conf" "$conf/aliases"
  postfix -c "$conf" set-permissions >/dev/null 2>&1 || true
  postfix -c "$conf" check
  postfix -c "$conf" start
  ;;
flush) postqueue -c "$conf" -f ;;
queue) find "$dir/spool/deferred" "$dir/spool/active" "$dir/spool/incoming" "$dir/spool/maildrop" -type f 2>/dev/null | wc -l ;;
stop) postfix -c "$conf" stop || true ;;
esac
