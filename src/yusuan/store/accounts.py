"""Team-mode accounts: created from the command line, passwords kept only as argon2 hashes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import select

from .database import Store, StoreError
from .schema import Role, UserRow


@dataclass(frozen=True)
class User:
    name: str
    role: Role
    regions: tuple[str, ...]  # empty: every region

    def may(self, role: Role) -> bool:
        order = (Role.VIEWER, Role.REVIEWER, Role.ADMIN)
        return order.index(self.role) >= order.index(role)

    def sees(self, region: str | None) -> bool:
        return not self.regions or any((region or "").startswith(r) for r in self.regions)


def add_user(store: Store, name: str, password: str, role: Role, regions: list[str] | None = None) -> User:
    from argon2 import PasswordHasher

    name = name.strip()
    if not name or len(name) > 64:
        raise StoreError("账号名称应为 1 至 64 个字符")
    if len(password) < 8:
        raise StoreError("密码至少 8 个字符")
    with store.session() as session:
        if session.scalar(select(UserRow).where(UserRow.name == name)) is not None:
            raise StoreError(f"账号 {name} 已存在")
        session.add(UserRow(name=name, password_hash=PasswordHasher().hash(password), role=Role(role).value,
                            regions="\n".join(r.strip() for r in regions or [] if r.strip()), created_at=datetime.now(UTC)))
    return User(name, Role(role), tuple(regions or ()))


def verify(store: Store, name: str, password: str) -> User | None:
    """The account if the password is right; None otherwise (never says which part was wrong)."""
    from argon2 import PasswordHasher
    from argon2.exceptions import Argon2Error

    with store.session() as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name.strip()))
        if row is None:
            return None
        try:
            PasswordHasher().verify(row.password_hash, password)
        except Argon2Error:
            return None
        return _user(row)


def user(store: Store, name: str) -> User | None:
    with store.session() as session:
        row = session.scalar(select(UserRow).where(UserRow.name == name))
        return _user(row) if row is not None else None


def _user(row: UserRow) -> User:
    return User(row.name, Role(row.role), tuple(r for r in row.regions.splitlines() if r))
