"""tmtool: a French–English translation memory and terminology tool.

Data flows one way: read → segment → align → store → extract → export. :mod:`tmtool.api` holds the
operations a person or a program performs (the command line, the web workbench and scripts all call
it); it stands on the glossary's rules (:mod:`tmtool.glossary`) and the store interface
(:mod:`tmtool.store.base`). Names exported here:

>>> import os, tempfile
>>> from tmtool import api, open_store
>>> with open_store(os.path.join(tempfile.mkdtemp(), "team.db"), create=True) as store:
...     added = api.add_entry(store, ["État-major militaire international", "EMI"],
...                           ["International Military Staff", "IMS"], user="ana")
...     [hit["fr"][0]["text"] for hit in api.lookup(store, "IMS")["entries"]]
['État-major militaire international']
"""

from . import api
from .errors import Conflict, Invalid, NotFound, ReadOnly, TmtoolError, Unavailable
from .model import entry_from_dict, entry_to_dict
from .store import open_store


def __getattr__(name: str):
    # read when asked for: importing importlib.metadata costs every command's start-up 15-30 ms
    if name == "__version__":
        from importlib.metadata import version

        return version("tmtool")
    raise AttributeError(f"module 'tmtool' has no attribute {name!r}")


__all__ = ["Conflict", "Invalid", "NotFound", "ReadOnly", "TmtoolError", "Unavailable", "__version__", "api", "entry_from_dict",
           "entry_to_dict", "open_store"]
