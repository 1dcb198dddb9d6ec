# JupyterHub configuration of `make hub-demo` (checked against JupyterHub 6.1.1, pinned in requirements-hub.txt).
#
# A demo a teacher can try on ONE machine, and the hub the `hub` tests drive: everything runs as the one OS user who
# started it, on 127.0.0.1 only. It is NOT a production set-up (see hub/README.md for The Littlest JupyterHub and
# Zero to JupyterHub): SimpleLocalProcessSpawner gives every learner a separate home folder, but no isolation between
# learners beyond the folders' permissions, and anyone who knows the shared password can log in as any learner.
#
# Read from the environment (sharedshield.hub.hub_environment sets them; the defaults suit `make hub-demo`):
#   HUB_PORT            the port learners open (default 8000), on 127.0.0.1
#   HUB_PASSWORD        the shared password, any user name (default "shared-shield-demo"; JupyterHub wants 8+
#                       characters)
#   HUB_STATE           the state folder: database, cookie secret, proxy pid, learners' homes (default .hub/,
#                       git-ignored)
#   HUB_PROXY_API_PORT  the proxy's own API port (default HUB_PORT + 1)
#   HUB_API_PORT        the hub's API port (default HUB_PORT + 2)
#   SHAREDSHIELD_READINGS  passed to every learner; if unset, the readings the teacher imported
#                          (`python -m sharedshield readings import`) are passed instead, when there are any.

import os
import signal
import sys
from pathlib import Path

from jupyterhub.spawner import SimpleLocalProcessSpawner

from sharedshield.hub import DEFAULT_PASSWORD, DEFAULT_PORT, PROXY, ROOT
from sharedshield.readings import readings_folder

c = get_config()  # noqa: F821 (JupyterHub provides it when it loads this file)

STATE = Path(os.environ.get("HUB_STATE", ROOT / ".hub")).resolve()
STATE.mkdir(mode=0o700, parents=True, exist_ok=True)
VENV_BIN = Path(sys.executable).parent  # the hub runs from the course's .venv: the learners' servers and kernels do too
PORT = int(os.environ.get("HUB_PORT", DEFAULT_PORT))

# --- network: loopback only -------------------------------------------------------------------------------------------
c.JupyterHub.ip = "127.0.0.1"  # the public face (the proxy): learners open http://127.0.0.1:HUB_PORT
c.JupyterHub.port = PORT
c.JupyterHub.hub_ip = "127.0.0.1"  # the hub's own API, behind the proxy
c.JupyterHub.hub_port = int(os.environ.get("HUB_API_PORT", PORT + 2))

# --- the proxy: configurable-http-proxy from npm, installed in hub/node_modules by `npm ci --prefix hub` --------------
c.JupyterHub.proxy_class = "configurable-http-proxy"
c.ConfigurableHTTPProxy.command = [str(PROXY)]
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{int(os.environ.get('HUB_PROXY_API_PORT', PORT + 1))}"
c.ConfigurableHTTPProxy.pid_file = str(STATE / "jupyterhub-proxy.pid")
c.JupyterHub.cleanup_proxy = True  # the hub stops the proxy it started when it stops (the default, said out loud)
c.JupyterHub.cleanup_servers = True  # ... and every learner's server

# --- state: all of it in the git-ignored state folder -----------------------------------------------------------------
c.JupyterHub.db_url = f"sqlite:///{STATE / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(STATE / "jupyterhub_cookie_secret")
c.JupyterHub.pid_file = str(STATE / "jupyterhub.pid")

# --- who may log in: any user name, one shared password ---------------------------------------------------------------
c.JupyterHub.authenticator_class = "shared-password"  # jupyterhub.authenticators.shared.SharedPasswordAuthenticator
c.SharedPasswordAuthenticator.user_password = os.environ.get("HUB_PASSWORD", DEFAULT_PASSWORD)
c.Authenticator.allow_all = True  # any user name is a learner
c.Authenticator.username_pattern = r"^[a-z0-9][a-z0-9_-]{0,31}$"  # names that are safe as folder names


# --- one server per learner, each in its own private home folder ------------------------------------------------------
class CourseSpawner(SimpleLocalProcessSpawner):
    """SimpleLocalProcessSpawner with private learner homes (0700) and owner-only new files (umask 077)."""

    def make_preexec_fn(self, name):
        home = self.home_dir

        def preexec():
            os.umask(0o077)  # every file and folder the learner's server, kernels and git create: owner only
            os.makedirs(home, 0o700, exist_ok=True)
            os.chmod(home, 0o700)
            os.chdir(home)

        return preexec

    async def stop(self, now=False):
        # JupyterHub's order is SIGINT, SIGTERM, SIGKILL; a server started without a terminal takes SIGINT as an abrupt
        # KeyboardInterrupt and can hang with its kernels, while SIGTERM makes it shut its kernels down and exit.
        if not now and await self.poll() is None:
            await self._signal(signal.SIGTERM)
            await self.wait_for_death(self.term_timeout)
        await super().stop(now=True)  # SIGTERM again, then SIGKILL, for a server still running


c.JupyterHub.spawner_class = CourseSpawner
c.CourseSpawner.home_dir_template = str(STATE / "home" / "{username}")
c.Spawner.cmd = [
    str(VENV_BIN / "jupyterhub-singleuser")
]  # the course's .venv: its requirements, nbgitpuller, sharedshield
c.Spawner.default_url = "/lab"  # learners land in JupyterLab
c.Spawner.args = [
    "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",  # learners cannot update the lab anyway
    *(["--allow-root"] if os.geteuid() == 0 else []),  # Jupyter refuses root unless told (containers, CI)
]
c.Spawner.start_timeout = 60
# Stopping a learner's server (CourseSpawner.stop): SIGTERM, which Jupyter answers by shutting its kernels down, then
# SIGKILL if it has not exited after term_timeout seconds (seen here: a server whose extensions' clean-up stalls; its
# kernels then end themselves within a second or two, as a kernel does when its parent server is gone).
c.LocalProcessSpawner.term_timeout = 5
c.LocalProcessSpawner.kill_timeout = 3
c.Spawner.http_timeout = 60
_readings = readings_folder()  # $SHAREDSHIELD_READINGS, else the teacher's imported readings, else None
c.Spawner.environment = {
    "PATH": f"{VENV_BIN}{os.pathsep}/usr/local/bin{os.pathsep}/usr/bin{os.pathsep}/bin",  # the .venv's python and git
    "NBGITPULLER_APP": "lab",
    **({"SHAREDSHIELD_READINGS": str(_readings)} if _readings else {}),
}

# --- for the hub tests and `make bench-hub` only: a service whose token may reach every learner's server --------------
# Set HUB_SERVICE_TOKEN (32+ random characters) to have it; unset (the demo's case), there is no such service.
if os.environ.get("HUB_SERVICE_TOKEN"):
    c.JupyterHub.services = [{"name": "course-checks", "api_token": os.environ["HUB_SERVICE_TOKEN"]}]
    c.JupyterHub.load_roles = [
        {
            "name": "course-checks",
            "scopes": ["access:servers", "read:users", "admin:servers"],
            "services": ["course-checks"],
        }
    ]
