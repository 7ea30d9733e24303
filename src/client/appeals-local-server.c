/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-local-server.c: runs appeals-server --demo for the demo mode.
 * The server binary is $APPEALS_SERVER_EXE, the one beside this program in
 * the build tree, or the installed one. Its first line on stdout names the
 * URL it listens on.
 */
#include "config.h"

#include <sys/prctl.h>
#include <signal.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>

#include "appeals-local-server.h"

struct _AppealsLocalServer
{
  GObject      parent_instance;

  GSubprocess *process;
  char        *dir;
  char        *url;
};

G_DEFINE_FINAL_TYPE (AppealsLocalServer, appeals_local_server, G_TYPE_OBJECT)

static void
remove_dir (const char *path)
{
  g_autoptr(GDir) dir = g_dir_open (path, 0, NULL);
  const char *name;

  while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
    {
      g_autofree char *child = g_build_filename (path, name, NULL);
      g_unlink (child);
    }
  g_rmdir (path);
}

void
appeals_local_server_stop (AppealsLocalServer *self)
{
  if (self->process != NULL)
    {
      g_subprocess_send_signal (self->process, SIGTERM);
      g_subprocess_wait (self->process, NULL, NULL);
      g_clear_object (&self->process);
    }
  if (self->dir != NULL)
    {
      remove_dir (self->dir);
      g_clear_pointer (&self->dir, g_free);
    }
}

static void
appeals_local_server_finalize (GObject *object)
{
  AppealsLocalServer *self = (AppealsLocalServer *)object;

  appeals_local_server_stop (self);
  g_clear_pointer (&self->url, g_free);

  G_OBJECT_CLASS (appeals_local_server_parent_class)->finalize (object);
}

static void
appeals_local_server_class_init (AppealsLocalServerClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = appeals_local_server_finalize;
}

static void
appeals_local_server_init (AppealsLocalServer *self)
{
}

static char *
find_server (void)
{
  const char *env = g_getenv ("APPEALS_SERVER_EXE");
  g_autofree char *self_path = g_file_read_link ("/proc/self/exe", NULL);

  if (env != NULL && *env != '\0')
    return g_strdup (env);

  if (self_path != NULL)
    {
      g_autofree char *dir = g_path_get_dirname (self_path);
      g_autofree char *sibling = g_build_filename (dir, "..", "server", "appeals-server", NULL);
      g_autofree char *installed = g_build_filename (dir, "appeals-server", NULL);

      if (g_file_test (sibling, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&sibling);
      if (g_file_test (installed, G_FILE_TEST_IS_EXECUTABLE))
        return g_steal_pointer (&installed);
    }

  return g_find_program_in_path ("appeals-server");
}

static void
die_with_parent (gpointer user_data)
{
  prctl (PR_SET_PDEATHSIG, SIGTERM);
}

static void
on_line_read (GObject      *source,
              GAsyncResult *result,
              gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  AppealsLocalServer *self = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autofree char *line = g_data_input_stream_read_line_finish_utf8 (G_DATA_INPUT_STREAM (source),
                                                                     result, NULL, &error);
  const char *prefix = "appeals-server: listening on ";

  if (line == NULL || !g_str_has_prefix (line, prefix))
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_FAILED,
                               _("The local demo server did not start: %s"),
                               error != NULL ? error->message : (line != NULL ? line : _("it exited")));
      return;
    }

  self->url = g_strdup (line + strlen (prefix));
  g_task_return_pointer (task, g_object_ref (self), g_object_unref);
}

/**
 * appeals_local_server_start_async:
 *
 * Starts appeals-server on a fresh temporary SQLite database with demo
 * data, on a free loopback port.
 */
void
appeals_local_server_start_async (GCancellable        *cancellable,
                                  GAsyncReadyCallback  callback,
                                  gpointer             user_data)
{
  g_autoptr(AppealsLocalServer) self = g_object_new (APPEALS_TYPE_LOCAL_SERVER, NULL);
  g_autoptr(GTask) task = g_task_new (NULL, cancellable, callback, user_data);
  g_autoptr(GSubprocessLauncher) launcher = g_subprocess_launcher_new (G_SUBPROCESS_FLAGS_STDOUT_PIPE);
  g_autoptr(GDataInputStream) lines = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *server = find_server ();
  g_autofree char *database = NULL;

  g_task_set_task_data (task, g_object_ref (self), g_object_unref);

  if (server == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_FOUND,
                               _("The demo needs appeals-server, which is not installed"));
      return;
    }

  self->dir = g_dir_make_tmp ("appeals-desk-demo-XXXXXX", &error);
  if (self->dir == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  database = g_build_filename (self->dir, "demo.sqlite", NULL);

  g_subprocess_launcher_set_child_setup (launcher, die_with_parent, NULL, NULL);
  self->process = g_subprocess_launcher_spawn (launcher, &error, server, "--database", database,
                                               "--listen", "127.0.0.1:0", "--demo", NULL);
  if (self->process == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }

  lines = g_data_input_stream_new (g_subprocess_get_stdout_pipe (self->process));
  g_filter_input_stream_set_close_base_stream (G_FILTER_INPUT_STREAM (lines), FALSE);
  g_data_input_stream_read_line_async (lines, G_PRIORITY_DEFAULT, cancellable, on_line_read,
                                       g_steal_pointer (&task));
}

AppealsLocalServer *
appeals_local_server_start_finish (GAsyncResult  *result,
                                   GError       **error)
{
  return g_task_propagate_pointer (G_TASK (result), error);
}

const char *
appeals_local_server_get_url (AppealsLocalServer *self)
{
  return self->url;
}
