"""The Elasticsearch index's life: created from nothing, migrated to a new mapping, resumed.

Where it stands is read from the cluster itself, so every step is safe to run again and a
command killed at any point (a deploy, a crash) continues from there when started again:

* **No aliases** (a fresh cluster): one request creates the concrete index with both aliases
  (``indices.create`` with ``aliases``), so there is never an index without them nor an alias
  without its index. ``exists_alias`` answers true/false; ``get_alias`` of a missing alias is
  a 404 (``NotFoundError``), which broke the first start of every cluster (issue 17).
* **Both aliases on one index**: ready. ``migrate`` starts a new index: the write alias moves
  to it (atomically), its mapping's ``_meta`` records the index copied from, the copy runs as
  an Elasticsearch task (``reindex`` with ``wait_for_completion=false``) whose id goes in the
  same ``_meta``, and the task API is polled (``tasks.get``) until it has finished.
* **Write alias on a newer index than the read alias**: a migration was interrupted. Its
  ``_meta`` says where the copy came from and which task copies it: a finished task is read,
  a running one polled, a lost one (the node restarted) started again (``op_type: create``
  and ``conflicts: proceed``: documents written since are newer and stay).
* Then the read alias moves, in one ``update_aliases`` that removes it from whichever indices
  hold it and adds it to the new one: atomic, and the same request again changes nothing.

Writes never create an index: the backend's bulk requests carry ``require_alias=true``, so a
write before ``create_search_index`` is refused (and waits in the outbox) instead of creating
a plain ``<deployment>-search-write`` index with a dynamic mapping that would make the alias
impossible. The cluster should also refuse it: ``action.auto_create_index: "-*-search-*,+*"``
(docker/compose.yaml sets it).
"""

import time
import warnings
from dataclasses import dataclass

from search.backends.elastic import alias_names, new_index


class IndexProblem(Exception):
    """Something on the cluster that a person must look at (the message says what)."""


@dataclass
class Status:
    read: list[str]  # indices holding the read alias
    write: list[str]  # indices holding the write alias


class Lifecycle:
    def __init__(self, client, deployment: str | None = None, *, poll_seconds: float = 2.0):
        self.client = client
        self.deployment = deployment
        self.read_alias, self.write_alias = alias_names(deployment)
        self.poll_seconds = poll_seconds

    # ------------------------------------------------------------------ state
    def holders(self, alias: str) -> list[str]:
        if not self.client.indices.exists_alias(name=alias):
            return []
        return sorted(self.client.indices.get_alias(name=alias))

    def status(self) -> Status:
        return Status(self.holders(self.read_alias), self.holders(self.write_alias))

    def _refuse_plain_indices(self) -> None:
        """An index named like an alias was created by a write before the aliases existed."""
        for name in (self.read_alias, self.write_alias):
            if self.client.indices.exists(index=name) and not self.client.indices.exists_alias(
                name=name
            ):
                raise IndexProblem(
                    f"{name} là một chỉ mục thường (do ghi trước khi tạo bí danh), không phải bí"
                    f" danh: hãy xóa nó (DELETE /{name}) rồi chạy lại lệnh này, sau đó"
                    " rebuild_search_index."
                )

    # ------------------------------------------------------------------ create
    def ensure(self, stamp: str | None = None) -> str:
        """Both aliases on one index, creating it if there is none; the index's name."""
        state = self.status()
        if not state.read and not state.write:
            self._refuse_plain_indices()
            index = new_index(self.deployment, stamp)
            body = index.to_dict()
            self.client.indices.create(
                index=index._name,
                settings=body.get("settings"),
                mappings=body.get("mappings"),
                aliases={self.read_alias: {}, self.write_alias: {"is_write_index": True}},
            )
            return index._name
        if state.write and not state.read:
            self.swap_read(state.write[0])
            return state.write[0]
        if state.read and not state.write:
            self._move(self.write_alias, state.read[0], [])
            return state.read[0]
        if state.write != state.read:
            return self.finish(state)
        return state.read[0]

    # ------------------------------------------------------------------ migrate
    def migrate(self, stamp: str | None = None) -> str:
        """Move to a new index with the current mapping, without downtime; its name."""
        state = self.status()
        if state.write != state.read and state.read:
            return self.finish(state)  # an interrupted migration first
        old = self.ensure()
        index = new_index(self.deployment, stamp)
        if index._name == old:
            raise IndexProblem(f"{index._name} đã có: hãy chờ một giây rồi chạy lại.")
        body = index.to_dict()
        mappings = {**body.get("mappings", {}), "_meta": {"copy_from": old}}
        self.client.indices.create(
            index=index._name, settings=body.get("settings"), mappings=mappings
        )
        self._move(self.write_alias, index._name, [old])
        return self.finish(self.status())

    def finish(self, state: Status) -> str:
        """Copy the old index into the write alias's new one (resuming), then move reads."""
        [target] = state.write
        meta = self._meta(target)
        source = meta.get("copy_from") or (state.read[0] if state.read else None)
        if source and source != target and self.client.indices.exists(index=source):
            task = meta.get("task")
            if not task or not self._task_known(task):
                task = self._start_copy(source, target)
            self._wait(task)
        self.swap_read(target)
        return target

    def _meta(self, index: str) -> dict:
        mapping = self.client.indices.get_mapping(index=index)
        return dict(mapping[index]["mappings"].get("_meta") or {})

    def _start_copy(self, source: str, target: str) -> str:
        response = self.client.reindex(
            source={"index": source},
            dest={"index": target, "op_type": "create"},
            conflicts="proceed",
            wait_for_completion=False,
            refresh=True,
        )
        task = response["task"]
        self.client.indices.put_mapping(index=target, meta={"copy_from": source, "task": task})
        return task

    def _task_known(self, task: str) -> bool:
        from elasticsearch import NotFoundError

        try:
            self._task(task)
        except NotFoundError:  # the node restarted: the task and its result are gone
            return False
        return True

    def _task(self, task: str):
        """``GET _tasks/<id>``; the client flags the task API as a technical preview, though
        Elasticsearch's reindex documentation sends us there for asynchronous copies."""
        from elasticsearch.exceptions import GeneralAvailabilityWarning

        with warnings.catch_warnings():
            warnings.simplefilter("ignore", GeneralAvailabilityWarning)
            return self.client.tasks.get(task_id=task)

    def _wait(self, task: str) -> dict:
        """Poll the task API until the copy has finished; its result."""
        while True:
            answer = self._task(task)
            if answer.get("completed"):
                if answer.get("error"):
                    raise IndexProblem(f"Chép chỉ mục thất bại: {answer['error']}")
                failures = (answer.get("response") or {}).get("failures") or []
                if failures:
                    raise IndexProblem(f"Chép chỉ mục có {len(failures)} lỗi: {failures[0]}")
                return answer.get("response") or {}
            time.sleep(self.poll_seconds)

    # ------------------------------------------------------------------ aliases
    def swap_read(self, target: str) -> None:
        self._move(self.read_alias, target, self.holders(self.read_alias))

    def _move(self, alias: str, target: str, holders: list[str]) -> None:
        """``alias`` onto ``target`` and off ``holders``, in one atomic request."""
        actions = [
            {"remove": {"index": name, "alias": alias}} for name in holders if name != target
        ]
        if target not in holders:
            extra = {"is_write_index": True} if alias == self.write_alias else {}
            actions.append({"add": {"index": target, "alias": alias, **extra}})
        if actions:
            self.client.indices.update_aliases(actions=actions)

    def delete_old(self) -> list[str]:
        """Indices of this deployment that neither alias holds."""
        state = self.status()
        kept = set(state.read) | set(state.write)
        pattern = f"{self.read_alias.removesuffix('-read')}-*"
        names = sorted(self.client.indices.get(index=pattern, expand_wildcards="open"))
        gone = [name for name in names if name not in kept]
        for name in gone:
            self.client.indices.delete(index=name)
        return gone
