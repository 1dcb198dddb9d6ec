# Installed by make into .venv/etc/ipython/: every kernel of the course's environment (JupyterLab, nbmake, the site
# build) stays quiet about exactly one start-up warning, "Kernel is running over TCP without encryption": the kernel
# listens on this computer only (127.0.0.1), and students read the message as a security alarm. Every other
# warning is kept. `make lab` goes further and starts kernels over local sockets (IPC), where the warning never arises.
import logging


class QuietLocalTcp(logging.Filter):
    """Drop the kernel's warning about unencrypted TCP on the local machine; keep every other record."""

    def filter(self, record: logging.LogRecord) -> bool:
        return "Kernel is running over TCP without encryption" not in record.getMessage()


logging.getLogger("IPKernelApp").addFilter(QuietLocalTcp())
