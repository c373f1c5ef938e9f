#!/usr/bin/env python3
"""An Even/Odd player for Agent League, written from docs/PROTOCOL.md alone.

Standard library plus pyzmq. One DEALER socket connects to the league manager; every message is the five
frames [b"league.v2", message_type, peer, auth_token, body JSON] (PROTOCOL.md §3).

    python3 player.py --manager tcp://127.0.0.1:5555 --name ada [--strategy even|odd|random] [--seed N] [--once]

Runs until SIGINT/SIGTERM or, with --once, until the first LEAGUE_COMPLETED; either way it says
AGENT_LEAVING before it exits. On exit it prints one JSON line with its record on stdout; logs go to stderr.
"""

import argparse
import json
import logging
import secrets
import signal
import sys
import time
from datetime import datetime, timezone

import zmq
from zmq.utils.monitor import recv_monitor_message

PROTOCOL = b"league.v2"
PROTOCOL_VERSION = "2.1.0"
GAME_TYPE = "even_odd"
REGISTER_RETRY_SECONDS = 2.0  # §5.1: resend the registration every 2 s until answered
LIVENESS = 3  # §5.5: the manager is lost after 3 silent heartbeat intervals
PARITIES = ("even", "odd")
MASK64 = (1 << 64) - 1

log = logging.getLogger("player")


def utc_now() -> str:
    """ISO-8601 UTC with milliseconds and a Z, as §4 requires."""
    return datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def splitmix64(state: int):
    """One SplitMix64 step (§7.4): returns (output, new_state)."""
    state = (state + 0x9E3779B97F4A7C15) & MASK64
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & MASK64
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & MASK64
    return z ^ (z >> 31), state


def derive(seed: int, label: str) -> int:
    """FNV-1a of the label, xor the seed, first SplitMix64 output (§7.4)."""
    h = 0xCBF29CE484222325
    for byte in label.encode():
        h = ((h ^ byte) * 0x100000001B3) & MASK64
    return splitmix64((seed ^ h) & MASK64)[0]


class Player:
    def __init__(self, endpoint: str, name: str, strategy: str, seed: int, once: bool, heartbeat_ms: int):
        self.name = name
        self.strategy = strategy
        self.seed = seed
        self.once = once
        self.running = True
        self.exit_code = 0
        self.heartbeat = heartbeat_ms / 1000.0  # lowered to the manager's interval_ms if that is shorter

        # §2.1 and §13 step 1: a DEALER with a routing id that is stable for the life of the process, so
        # libzmq's automatic reconnects keep the registration ("player-<name>#<random>", like the Swift agents).
        self.context = zmq.Context()
        self.socket = self.context.socket(zmq.DEALER)
        self.socket.setsockopt(zmq.LINGER, 0)
        self.socket.setsockopt(zmq.ROUTING_ID, b"player-" + name.encode()[:40] + b"#" + secrets.token_hex(8).encode())
        self.socket.setsockopt(zmq.MAXMSGSIZE, 16 * 1024 * 1024)
        self.socket.setsockopt(zmq.SNDHWM, 10_000)
        self.socket.setsockopt(zmq.RCVHWM, 10_000)
        self.socket.setsockopt(zmq.RECONNECT_IVL, 100)
        self.socket.setsockopt(zmq.RECONNECT_IVL_MAX, 5_000)
        self.socket.setsockopt(zmq.HEARTBEAT_IVL, 1_000)
        self.socket.setsockopt(zmq.HEARTBEAT_TIMEOUT, 3_000)
        self.socket.setsockopt(zmq.HEARTBEAT_TTL, 3_000)
        # §13 step 12: watch the connection; after a reconnect, register again (same name, same id).
        self.monitor = self.socket.get_monitor_socket(zmq.EVENT_CONNECTED | zmq.EVENT_DISCONNECTED)
        self.connections = 0
        self.socket.connect(endpoint)

        self.player_id = None  # "P01" once registered
        self.token = b""  # frame 3 once registered
        self.registered = False
        self.register_due = 0.0  # monotonic time of the next (re)send of the registration
        self.register_attempts = 0
        now = time.monotonic()
        self.last_sent = now  # §5.5: send a HEARTBEAT when nothing went out for one interval
        self.last_heard = now  # §5.5: the manager is lost after LIVENESS silent intervals
        self.leagues_completed = 0  # the "league ordinal" of the per-match coin
        self.matches = {}  # match_id -> what we know about a match in progress
        self.record = {"played": 0, "wins": 0, "draws": 0, "losses": 0, "technical_losses": 0,
                       "technical_wins": 0, "leagues_completed": 0, "game_errors": 0, "league_errors": 0,
                       "registrations": 0, "heartbeats_sent": 0}

    # -- sending ---------------------------------------------------------------------------------------

    def send(self, message_type: str, payload: dict, conversation_id: str, peer: str = "", token: bytes = None):
        """Sends one message: envelope and payload flattened into one JSON object (§4).

        The token always travels in frame 3. The JSON carries `auth_token` only on messages to the manager
        itself (league.v2 compatibility); a routed message (peer set) is forwarded verbatim to the other
        agent, so its body must not carry the token (§4, §5.3)."""
        token = self.token if token is None else token
        body = {
            "protocol": "league.v2",
            "message_type": message_type,
            "sender": f"player:{self.player_id or self.name}",
            "timestamp": utc_now(),
            "conversation_id": conversation_id,
        }
        if token and not peer:
            body["auth_token"] = token.decode()
        body.update(payload)
        frames = [PROTOCOL, message_type.encode(), peer.encode(), token,
                  json.dumps(body, separators=(",", ":")).encode()]
        try:
            self.socket.send_multipart(frames, flags=zmq.NOBLOCK)
            self.last_sent = time.monotonic()
            log.debug("sent %s peer=%r %s", message_type, peer, payload)
        except zmq.Again:
            log.warning("send queue full, dropped %s", message_type)

    def register(self):
        """§5.1: LEAGUE_REGISTER_REQUEST with empty peer and token frames; resent until answered."""
        self.register_attempts += 1
        self.send(
            "LEAGUE_REGISTER_REQUEST",
            {"player_meta": {"display_name": self.name, "version": "1.0.0", "game_types": [GAME_TYPE],
                             "protocol_version": PROTOCOL_VERSION}},
            conversation_id=f"conv-register-{self.name}",
            token=b"",
        )
        self.register_due = time.monotonic() + REGISTER_RETRY_SECONDS

    def start_reregistration(self, why: str):
        """§5.4 and §13 step 12: the manager may no longer know us; register again under the same name."""
        if not self.registered:
            return  # a registration is already under way (or not even started)
        log.warning("registration lost (%s); registering again as %r", why, self.name)
        self.registered = False
        self.register_due = 0.0

    def leave(self, reason: str):
        """§6.6: tell the manager we are going, so it does not wait for missed heartbeats."""
        if self.registered:
            self.send("AGENT_LEAVING", {"reason": reason}, conversation_id="conv-leaving")
            log.info("sent AGENT_LEAVING (%s)", reason)

    # -- receiving -------------------------------------------------------------------------------------

    def handle(self, frames):
        self.last_heard = time.monotonic()  # anything from the manager shows it is alive
        # §3: exactly five frames, frame 0 league.v2; ignore (and log) anything else.
        if len(frames) != 5 or frames[0] != PROTOCOL:
            log.warning("ignoring malformed message of %d frames", len(frames))
            return
        message_type = frames[1].decode("utf-8", "replace")
        peer = frames[2].decode("utf-8", "replace")
        try:
            body = json.loads(frames[4])
        except ValueError:
            log.warning("ignoring %s with a body that is not JSON", message_type)
            return
        if not isinstance(body, dict) or body.get("protocol") != "league.v2" or body.get("message_type") != message_type:
            log.warning("ignoring %s with an inconsistent envelope", message_type)
            return
        handler = getattr(self, "on_" + message_type.lower(), None)
        if handler is None:
            log.debug("ignoring %s", message_type)
            return
        try:
            handler(body, peer)
        except (KeyError, TypeError, ValueError) as error:
            log.warning("could not use %s: %r", message_type, error)

    def on_heartbeat(self, body, peer):
        # §5.5: the manager's interval; never heartbeat less often than the manager expects.
        interval = body.get("interval_ms")
        if isinstance(interval, int) and 0 < interval < self.heartbeat * 1000:
            self.heartbeat = interval / 1000.0
            log.info("heartbeat interval lowered to the manager's %d ms", interval)

    def on_league_register_response(self, body, peer):
        if body["status"] != "ACCEPTED":
            reason = body.get("reason", "no reason given")
            if "in use" in reason:
                # §5.3: our name belongs to a live connection (for example our own previous process, not yet
                # declared dead). It is freed after 3 silent heartbeat intervals: keep trying.
                log.warning("registration refused for now: %s; trying again", reason)
                self.register_due = time.monotonic() + REGISTER_RETRY_SECONDS
                return
            log.error("registration rejected: %s", reason)
            self.stop(2)
            return
        # The last answer counts (§5.1): every accepted registration issues a new token.
        self.player_id = body["player_id"]
        self.token = body["auth_token"].encode()
        if not self.registered:
            log.info("registered as %s (%s)", self.player_id, self.name)
        self.record["registrations"] += 1
        self.registered = True

    def on_league_error(self, body, peer):
        self.record["league_errors"] += 1
        code = body.get("error_code")
        log.warning("LEAGUE_ERROR %s %s: %s (about %s)", code, body.get("error_name"),
                    body.get("error_description"), body.get("original_message_type"))
        if body.get("original_message_type") == "LEAGUE_REGISTER_REQUEST":
            if code == "E110":
                # §11: the manager could not store the registration; nothing was done, send it again.
                self.register_due = time.monotonic() + REGISTER_RETRY_SECONDS
                return
            log.error("the manager refused the registration; giving up")
            self.stop(2)
        elif code in ("E005", "E012"):
            # §5.4: the manager does not know this connection or this token (a restarted manager, or a
            # registration that moved): register again under the same name.
            self.start_reregistration(code)

    def on_game_invitation(self, body, peer):
        # §6.12: answer at once, to the referee that is the peer of the invitation.
        match_id = body["match_id"]
        self.matches[match_id] = {
            "referee": peer, "conversation": body["conversation_id"], "opponent": body["opponent_id"],
            "role": body["role_in_match"], "round": body["round_id"], "choice": None,
        }
        log.info("invited to %s/%s round %s as %s against %s by %s", body["league_id"], match_id,
                 body["round_id"], body["role_in_match"], body["opponent_id"], peer)
        self.send("GAME_JOIN_ACK",
                  {"match_id": match_id, "player_id": self.player_id, "arrival_timestamp": utc_now(), "accept": True},
                  conversation_id=body["conversation_id"], peer=peer)

    def choose(self, match_id: str) -> str:
        if self.strategy in PARITIES:
            return self.strategy
        # A coin per match, from (seed, league ordinal, match id): a match that is replayed after a failure
        # (§9.4) gets the same answer, and so does a rerun with the same seed.
        output, _ = splitmix64(derive(self.seed, f"{self.leagues_completed}|{match_id}"))
        return "even" if (output >> 17) & 1 == 0 else "odd"

    def on_choose_parity_call(self, body, peer):
        # §6.15: exactly "even" or "odd", before body["deadline"]; the first valid answer is final.
        match_id = body["match_id"]
        match = self.matches.setdefault(match_id, {"referee": peer, "conversation": body["conversation_id"],
                                                   "opponent": body["context"]["opponent_id"], "choice": None})
        choice = self.choose(match_id)
        match["choice"] = choice
        log.info("%s: choosing %s (deadline %s, record %s)", match_id, choice, body["deadline"],
                 body["context"]["your_standings"])
        self.send("CHOOSE_PARITY_RESPONSE", {"match_id": match_id, "player_id": self.player_id, "parity_choice": choice},
                  conversation_id=body["conversation_id"], peer=peer)

    def on_game_error(self, body, peer):
        self.record["game_errors"] += 1
        log.warning("GAME_ERROR %s %s on %r: %s", body.get("error_code"), body.get("error_name"),
                    body.get("match_id"), body.get("error_description"))
        match = self.matches.get(body.get("match_id"))
        if body.get("error_code") == "E004" and match is not None:
            # §7.5: an invalid choice does not count; a valid one may still be sent before the deadline.
            choice = match["choice"] if match.get("choice") in PARITIES else self.choose(body["match_id"])
            self.send("CHOOSE_PARITY_RESPONSE",
                      {"match_id": body["match_id"], "player_id": self.player_id, "parity_choice": choice},
                      conversation_id=match["conversation"], peer=match["referee"])

    def on_game_over(self, body, peer):
        result = body["game_result"]
        self.matches.pop(body["match_id"], None)
        status = result["status"]
        winner = result.get("winner_player_id")  # omitted for a draw or a double technical loss (§6.16)
        self.record["played"] += 1
        if status == "DRAW":
            self.record["draws"] += 1
            outcome = "draw"
        elif winner == self.player_id:
            self.record["wins"] += 1
            outcome = "win"
            if status == "TECHNICAL_LOSS":
                self.record["technical_wins"] += 1
                outcome = "win (opponent lost technically)"
        else:
            self.record["losses"] += 1
            outcome = "loss"
            if status == "TECHNICAL_LOSS":
                self.record["technical_losses"] += 1
                outcome = "TECHNICAL LOSS"
        log.info("%s over: %s; number %s, choices %s (%s)", body["match_id"], outcome, result.get("drawn_number", "-"),
                 result.get("choices"), result.get("reason"))

    def on_round_announcement(self, body, peer):
        mine = [m["match_id"] for m in body["matches"] if self.player_id in (m["player_A_id"], m["player_B_id"])]
        log.info("%s round %s announced; my matches: %s", body["league_id"], body["round_id"], mine or "none (bye)")

    def on_league_standings_update(self, body, peer):
        row = next((r for r in body["standings"] if r["player_id"] == self.player_id), None)
        if row:
            log.info("after round %s: rank %s with %s points", body["round_id"], row["rank"], row["points"])

    def on_round_completed(self, body, peer):
        log.info("%s round %s/%s completed", body["league_id"], body["round_id"], body["total_rounds"])

    def on_league_completed(self, body, peer):
        self.leagues_completed += 1
        self.record["leagues_completed"] += 1
        champion = body.get("champion") or {}
        row = next((r for r in body["final_standings"] if r["player_id"] == self.player_id), None)
        log.info("%s completed: champion %s (%s); me: %s", body["league_id"], champion.get("player_id"),
                 champion.get("display_name"), row)
        if self.once:
            self.stop(0)

    def on_league_query_response(self, body, peer):
        log.debug("query response: %s", body)

    # -- main loop -------------------------------------------------------------------------------------

    def stop(self, code: int = 0):
        self.exit_code = max(self.exit_code, code)
        self.running = False

    def connection_event(self):
        event = recv_monitor_message(self.monitor)
        if event["event"] == zmq.EVENT_CONNECTED:
            self.connections += 1
            if self.connections > 1:
                # The manager may have restarted, or dropped us after a stall: make sure it knows us.
                self.start_reregistration("reconnected")
        elif event["event"] == zmq.EVENT_DISCONNECTED:
            log.warning("disconnected from the manager; libzmq is reconnecting")

    def tick(self, now: float):
        """Registration resends, heartbeats when idle, and noticing a silent manager (§5.5)."""
        if not self.registered:
            if now >= self.register_due:
                self.register()
            return
        if now - self.last_heard > LIVENESS * self.heartbeat:
            # The manager heartbeats every interval: this long a silence means it is gone or restarting.
            self.start_reregistration(f"manager silent for {now - self.last_heard:.1f} s")
            self.last_heard = now  # wait another window before complaining again
            return
        if now - self.last_sent >= self.heartbeat:
            self.send("HEARTBEAT", {"interval_ms": int(self.heartbeat * 1000)}, conversation_id="heartbeat")
            self.record["heartbeats_sent"] += 1

    def run(self) -> int:
        poller = zmq.Poller()
        poller.register(self.socket, zmq.POLLIN)
        poller.register(self.monitor, zmq.POLLIN)
        while self.running:
            self.tick(time.monotonic())
            ready = dict(poller.poll(50))
            if self.monitor in ready:
                self.connection_event()
            if self.socket in ready:
                while self.running:
                    try:
                        frames = self.socket.recv_multipart(flags=zmq.NOBLOCK)
                    except zmq.Again:
                        break
                    self.handle(frames)
        self.leave("shutting down" if self.exit_code == 0 else f"exiting with code {self.exit_code}")
        self.socket.disable_monitor()
        self.monitor.close(linger=0)
        self.socket.close(linger=1000)  # give AGENT_LEAVING up to 1 s to get out
        self.context.term()
        summary = {"name": self.name, "player_id": self.player_id, **self.record}
        print(json.dumps(summary), flush=True)
        return self.exit_code


def main() -> int:
    parser = argparse.ArgumentParser(description="Agent League Even/Odd player (league.v2 over ZeroMQ).")
    parser.add_argument("--manager", required=True, help="the manager's endpoint, e.g. tcp://127.0.0.1:5555")
    parser.add_argument("--name", required=True, help="display name to register under (1-64 bytes)")
    parser.add_argument("--strategy", choices=["even", "odd", "random"], default="random")
    parser.add_argument("--seed", type=int, default=None, help="seed for the random strategy (default: random)")
    parser.add_argument("--heartbeat-ms", type=int, default=1000,
                        help="send a HEARTBEAT after this long without sending (default 1000; lowered to the manager's)")
    parser.add_argument("--once", action="store_true", help="exit after the first LEAGUE_COMPLETED")
    parser.add_argument("--log-level", default="info", choices=["debug", "info", "warning", "error"])
    args = parser.parse_args()
    if not 1 <= len(args.name.encode()) <= 64:
        parser.error("--name must be 1-64 bytes")
    if args.heartbeat_ms <= 0:
        parser.error("--heartbeat-ms must be positive")
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format=f"%(asctime)s %(levelname)s player[{args.name}] %(message)s")

    seed = args.seed if args.seed is not None else secrets.randbits(64)
    player = Player(args.manager, args.name, args.strategy, seed & MASK64, args.once, args.heartbeat_ms)
    signal.signal(signal.SIGINT, lambda *_: player.stop(0))
    signal.signal(signal.SIGTERM, lambda *_: player.stop(0))
    return player.run()


if __name__ == "__main__":
    sys.exit(main())
