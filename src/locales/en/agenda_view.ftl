# The public agenda's views: list or grid, "now and next", workshop places.
agenda-views = How to show the agenda
agenda-view-list = List
agenda-view-grid = Grid by room
agenda-grid-label = { $day }: sessions by room and time (scrolls sideways)
agenda-grid-no-room = Other places
agenda-now-next = Now and next ({ $time })
agenda-now = On now
agenda-next = Next
agenda-places-full = Full: waiting list
agenda-places = Places
