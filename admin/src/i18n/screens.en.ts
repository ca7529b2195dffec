/** English messages of the task screens (admin/src/screens), merged into the app's catalogue. */
export const screensEn = {
  screens: {},
};
