# Append to ~tenboard-wall/.profile: on tty1 only, turn console blanking off and become the wall.
# Logging in over SSH or on another console gives an ordinary shell.
if [ "$(tty)" = /dev/tty1 ]; then
    setterm --blank 0 --powerdown 0 --powersave off --cursor off
    export TENBOARD_WALL_QUIT_KEY=false
    exec /usr/local/bin/tenboard wall --config /etc/tenboard/config.yaml
fi
