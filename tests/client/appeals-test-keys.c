/* SPDX-License-Identifier: GPL-3.0-or-later
 *
 * appeals-test-keys.c: real key presses for keyboard-only tests.
 *
 * The events go through the X server (the XTEST extension of the test's
 * Xvfb), so GTK receives them exactly as it receives a keyboard's: focus
 * handling, key bindings, mnemonics and input methods all take part. A
 * test that drives a window this way proves it can be used without a
 * mouse.
 */
#include "config.h"

#include <gdk/x11/gdkx.h>
#include <X11/XKBlib.h>
#include <X11/extensions/XTest.h>

#include "appeals-test-keys.h"
#include "appeals-test-ui.h"

static Display *
get_xdisplay (void)
{
  GdkDisplay *display = gdk_display_get_default ();

  if (!GDK_IS_X11_DISPLAY (display))
    return NULL;
  return gdk_x11_display_get_xdisplay (display);
}

gboolean
appeals_test_keys_available (void)
{
  Display *xdisplay = get_xdisplay ();
  int event_base, error_base, major, minor;

  return xdisplay != NULL && XTestQueryExtension (xdisplay, &event_base, &error_base, &major, &minor);
}

/* Lets GTK handle what the X server sent. */
static void
deliver (void)
{
  XSync (get_xdisplay (), False);
  appeals_test_ui_settle (40);
}

/**
 * appeals_test_keys_focus:
 *
 * Gives @window the keyboard, as a click on its title would (the test's
 * X server has no window manager to do it).
 */
void
appeals_test_keys_focus (GtkWindow *window)
{
  Display *xdisplay = get_xdisplay ();
  Window xid;

  /* mapped first: the X server gives no focus to a window it has not shown */
  APPEALS_TEST_WAIT (gtk_widget_get_mapped, window);
  xid = gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window)));
  for (guint attempt = 0; !gtk_window_is_active (window); attempt++)
    {
      if (attempt == 50)
        g_error ("%s never became the active window", G_OBJECT_TYPE_NAME (window));
      XRaiseWindow (xdisplay, xid);
      XSetInputFocus (xdisplay, xid, RevertToParent, CurrentTime);
      deliver ();
      appeals_test_ui_settle (100);
    }
}

static void
send_key (KeySym keysym,
          gboolean pressed)
{
  Display *xdisplay = get_xdisplay ();
  KeyCode keycode = XKeysymToKeycode (xdisplay, keysym);

  g_assert_cmpuint (keycode, !=, 0);
  XTestFakeKeyEvent (xdisplay, keycode, pressed, CurrentTime);
}

/* Sends @keyval with @modifiers held to the X server, not waiting for it. */
static void
send_press (guint           keyval,
            GdkModifierType modifiers)
{
  Display *xdisplay = get_xdisplay ();
  KeyCode keycode = XKeysymToKeycode (xdisplay, keyval);
  gboolean shift = (modifiers & GDK_SHIFT_MASK) != 0;

  g_assert_cmpuint (keycode, !=, 0);
  /* a capital or a symbol on the shifted level needs Shift too */
  if (XkbKeycodeToKeysym (xdisplay, keycode, 0, 0) != keyval &&
      XkbKeycodeToKeysym (xdisplay, keycode, 0, 1) == keyval)
    shift = TRUE;

  if (modifiers & GDK_CONTROL_MASK)
    send_key (XK_Control_L, TRUE);
  if (modifiers & GDK_ALT_MASK)
    send_key (XK_Alt_L, TRUE);
  if (shift)
    send_key (XK_Shift_L, TRUE);
  XTestFakeKeyEvent (xdisplay, keycode, True, CurrentTime);
  XTestFakeKeyEvent (xdisplay, keycode, False, CurrentTime);
  if (shift)
    send_key (XK_Shift_L, FALSE);
  if (modifiers & GDK_ALT_MASK)
    send_key (XK_Alt_L, FALSE);
  if (modifiers & GDK_CONTROL_MASK)
    send_key (XK_Control_L, FALSE);
}

/* Presses @keyval with @modifiers held, as a person would. */
static void
press (guint           keyval,
       GdkModifierType modifiers)
{
  send_press (keyval, modifiers);
  deliver ();
}

/**
 * appeals_test_keys_press:
 * @accelerator: a key as gtk_accelerator_parse() reads it: "Tab",
 *   "<Control><Shift>s", "space", "Down"
 */
void
appeals_test_keys_press (const char *accelerator)
{
  guint keyval = 0;
  GdkModifierType modifiers = 0;

  g_assert_true (gtk_accelerator_parse (accelerator, &keyval, &modifiers));
  press (keyval, modifiers);
}

/**
 * appeals_test_keys_type:
 * @text: what to type, in the keys of the test's (US) keyboard layout
 */
void
appeals_test_keys_type (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    press (gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
}

/**
 * appeals_test_keys_scan:
 * @text: codes, each ended by "\n" (Enter)
 *
 * Types @text in one burst, as a barcode scanner does: every key goes to
 * the X server before GTK handles the first.
 */
void
appeals_test_keys_scan (const char *text)
{
  for (const char *p = text; *p != '\0'; p = g_utf8_next_char (p))
    send_press (*p == '\n' ? GDK_KEY_Return : gdk_unicode_to_keyval (g_utf8_get_char (p)), 0);
  deliver ();
}
