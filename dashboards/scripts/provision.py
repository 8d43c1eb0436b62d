#!/usr/bin/env python3
"""Prepare Superset's metadata database and import the EduLake bundle, in one process.

Idempotent: upgrades the metadata schema, syncs the built-in roles and permissions (what
`superset db upgrade` and `superset init` do), creates the `admin` user when missing (password
from --admin-password), and imports the bundle ZIP (overwriting our objects by UUID).
Run with SUPERSET_CONFIG_PATH pointing at superset_config.py.

Usage: provision.py --bundle bundle.zip --admin-password-file FILE
"""
from __future__ import annotations

import argparse
import logging
import sys
import zipfile
from pathlib import Path


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", required=True, type=Path)
    parser.add_argument("--admin-password-file", required=True, type=Path)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING)

    import superset
    from flask import g
    from flask_migrate import upgrade
    from superset.app import create_app

    app = create_app()
    with app.app_context():
        from superset import security_manager
        from superset.commands.importers.v1.assets import ImportAssetsCommand
        from superset.commands.importers.v1.utils import get_contents_from_bundle
        from superset.extensions import appbuilder, db

        upgrade(directory=str(Path(superset.__file__).parent / "migrations"))
        appbuilder.add_permissions(update_perms=True)
        security_manager.sync_role_definitions()

        password = args.admin_password_file.read_text(encoding="utf-8").strip()
        admin = security_manager.find_user(username="admin")
        if admin is None:
            admin = security_manager.add_user(
                "admin", "Администратор", "EduLake", "admin@localhost",
                security_manager.find_role("Admin"), password=password)
            if not admin:
                raise SystemExit("could not create the admin user")
        else:
            security_manager.reset_password(admin.id, password)
        db.session.commit()

        g.user = admin
        with zipfile.ZipFile(args.bundle) as bundle:
            contents = get_contents_from_bundle(bundle)
        ImportAssetsCommand(contents).run()
        db.session.commit()
    print(f"imported {args.bundle.name}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
